package dev.spdoctor.kb;

import java.io.Serializable;
import java.util.List;

/**
 * A fact a person can be asked for; its id is the fact key an answer sets.
 *
 * @param id kebab-case id, equal to the file name
 * @param prompt the question
 * @param type {@code yesno}, {@code choice}, {@code text}, {@code guid}, {@code url} or {@code number}
 * @param choices the allowed answers of a {@code choice} question, otherwise empty
 * @param help where to look and what the answer tells apart
 * @param check the question as something to do ("Open ... and compare ..."), or null to show the prompt
 * @param effort how much finding the answer costs: {@code low} (look it up), {@code medium}, {@code high}
 *     (ask others, change something); checks that cost less come first among equally useful ones
 * @param clients the clients the question makes sense for (tables/clients.yaml); empty for every client
 */
public record Question(String id, String prompt, String type, List<String> choices, String help, String check,
    String effort, List<String> clients) implements Serializable {
  public Question {
    clients = clients == null ? List.of() : List.copyOf(clients);
  }

  /** Whether the question makes sense for {@code client} (an unknown client: always). */
  public boolean asks(ClientDef client) {
    return client == null || clients.isEmpty() || clients.contains(client.id());
  }

  /** Efforts a question may declare, cheapest first. */
  public static final List<String> EFFORTS = List.of("low", "medium", "high");

  /** A question without a check text, of medium effort. */
  public Question(String id, String prompt, String type, List<String> choices, String help) {
    this(id, prompt, type, choices, help, null, "medium", List.of());
  }
}
