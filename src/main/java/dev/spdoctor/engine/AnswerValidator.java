package dev.spdoctor.engine;

import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.Question;
import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;

/** Checks an answer against its question's type and gives it its canonical form. */
public final class AnswerValidator {
  private AnswerValidator() {}

  /**
   * The canonical answer ({@code yes}/{@code no} for yes-no questions).
   *
   * @throws AnswerException with a message that says what is accepted
   */
  public static String canonical(KnowledgeBase kb, String key, String value) {
    Question q = kb.question(key).orElseThrow(() -> new AnswerException(
        "unknown fact '" + key + "'; known facts: "
            + kb.questions().keySet().stream().sorted().collect(Collectors.joining(", "))));
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new AnswerException("no value given for '" + key + "'");
    }
    String lower = v.toLowerCase(Locale.ROOT);
    switch (q.type()) {
      case "yesno":
        if (lower.equals("yes") || lower.equals("y") || lower.equals("true")) {
          return "yes";
        }
        if (lower.equals("no") || lower.equals("n") || lower.equals("false")) {
          return "no";
        }
        throw new AnswerException("'" + key + "' takes yes or no, not '" + v + "'");
      case "choice":
        String choice = lower.replace(' ', '-').replace('_', '-');
        if (q.choices().contains(choice)) {
          return choice;
        }
        throw new AnswerException(
            "'" + key + "' takes one of " + String.join(", ", q.choices()) + ", not '" + v + "'");
      case "guid":
        if (v.matches("\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?")) {
          return lower.replace("{", "").replace("}", "");
        }
        throw new AnswerException(
            "'" + key + "' takes a GUID like 12345678-1234-1234-1234-1234567890ab, not '" + v + "'");
      case "url":
        try {
          URI uri = URI.create(v);
          if (uri.getScheme() != null && uri.getHost() != null
              && (uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
            return v;
          }
        } catch (IllegalArgumentException e) {
          // fall through to the message below
        }
        throw new AnswerException("'" + key + "' takes an http(s) URL with a host, not '" + v + "'");
      case "client":
        for (dev.spdoctor.kb.ClientDef c : kb.clients()) {
          if (c.id().equals(lower) || c.id().equals(lower.replace(' ', '-').replace('_', '-'))) {
            return c.id();
          }
        }
        throw new AnswerException("'" + key + "' takes one of " + kb.clients().stream()
            .map(dev.spdoctor.kb.ClientDef::id).collect(Collectors.joining(", ")) + ", not '" + v + "'");
      case "number":
        try {
          return new java.math.BigDecimal(v).toPlainString();
        } catch (NumberFormatException e) {
          throw new AnswerException("'" + key + "' takes a number, not '" + v + "'");
        }
      default:
        return v;
    }
  }
}
