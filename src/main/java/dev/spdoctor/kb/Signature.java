package dev.spdoctor.kb;

import java.io.Serializable;
import java.util.List;

/**
 * An error message and the RE2J patterns that recognise it in normalised text.
 *
 * @param id kebab-case id, equal to the file name
 * @param message the message as the article prints it
 * @param source the article and section it comes from
 * @param deployment where the message can appear
 * @param patterns RE2J patterns; any one matching is a match
 * @param examples texts the patterns must match
 * @param localized the message as the service prints it in other languages, each with its source
 */
public record Signature(
    String id,
    String message,
    Source source,
    List<String> deployment,
    List<String> patterns,
    List<String> examples,
    List<Localized> localized)
    implements Serializable {
  public Signature {
    localized = localized == null ? List.of() : List.copyOf(localized);
  }

  /** The message without translations. */
  public Signature(String id, String message, Source source, List<String> deployment, List<String> patterns,
      List<String> examples) {
    this(id, message, source, deployment, patterns, examples, List.of());
  }

  /**
   * The message in another language, exactly as a real paste or localized resource printed it.
   *
   * @param language ISO 639-1 code
   * @param text the localized message, normalised (placeholders as {@code <name>})
   * @param source where it was printed: a public thread, a resource file or a localized doc page
   */
  public record Localized(String language, String text, String source) implements Serializable {
    /**
     * The RE2J pattern for the text: any case, a straight or typographic apostrophe, a placeholder
     * {@code <name>} for any short run without quotes, the final full stop optional.
     */
    public String pattern() {
      String t = text.strip().replaceFirst("[.。]$", "");
      StringBuilder p = new StringBuilder("(?i)");
      int i = 0;
      while (i < t.length()) {
        char c = t.charAt(i);
        int close = c == '<' ? t.indexOf('>', i) : -1;
        if (close > i) {
          p.append("[^'\"’]{0,200}?");
          i = close + 1;
          continue;
        }
        if (c == '\'' || c == '’') {
          p.append("['’]");
        } else if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
          p.append('\\').append(c);
        } else {
          p.append(c);
        }
        i++;
      }
      return p.toString();
    }
  }
}
