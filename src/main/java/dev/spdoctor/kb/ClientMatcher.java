package dev.spdoctor.kb;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Which client printed a text: the first client of tables/clients.yaml (in file order) one of whose
 * markers occurs in it. Patterns run case-insensitively with RE2J, so the time is linear in the text.
 */
public final class ClientMatcher {
  /** A client recognised in a text, and the marker text that points at it. */
  public record Found(ClientDef client, String seen) {}

  private record Compiled(ClientDef client, List<Pattern> markers) {}

  private final List<Compiled> clients = new ArrayList<>();

  /** Compiles the markers; a marker that does not compile is skipped (kb check reports it). */
  public ClientMatcher(List<ClientDef> defs) {
    for (ClientDef d : defs) {
      List<Pattern> markers = new ArrayList<>();
      for (String m : d.markers()) {
        try {
          markers.add(Pattern.compile("(?i)" + m));
        } catch (com.google.re2j.PatternSyntaxException e) {
          // reported by KbLoader
        }
      }
      clients.add(new Compiled(d, markers));
    }
  }

  /** The client the texts point at (each text already normalised), or null when none does. */
  public Found find(List<String> texts) {
    for (Compiled c : clients) {
      for (Pattern p : c.markers()) {
        for (String text : texts) {
          Matcher m = p.matcher(text);
          if (m.find()) {
            return new Found(c.client(), m.group());
          }
        }
      }
    }
    return null;
  }
}
