package dev.spdoctor.kb;

import java.io.Serializable;
import java.util.List;

/**
 * A program that prints the errors people paste (knowledge-base/tables/clients.yaml): steps are worded
 * for it when it is known.
 *
 * @param id kebab-case id, what {@code --client} takes
 * @param name the name the report shows
 * @param like a client whose step variants this one also uses when it has none of its own, or null
 * @param markers RE2J patterns (case-insensitive) whose match in the text points at this client
 * @param examples texts the markers must point at this client (kb check)
 * @param ownWords phrases only this client's user interface uses; a generic step text must not use them
 */
public record ClientDef(String id, String name, String like, List<String> markers, List<String> examples,
    List<String> ownWords) implements Serializable {
  public ClientDef {
    markers = List.copyOf(markers);
    examples = List.copyOf(examples);
    ownWords = List.copyOf(ownWords);
  }
}
