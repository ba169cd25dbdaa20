package dev.spdoctor.engine;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * For a DRL error about a constraint (Drools says "Unable to Analyse Expression" or names an
 * unknown field), the fields the facts in that line have, so a misspelt field shows its fix.
 */
final class FactFields {
  private static final Pattern FACT = Pattern.compile("\\b([A-Z][A-Za-z]+)\\s*\\(");
  private static final String FACTS = "dev.spdoctor.facts.";

  private FactFields() {}

  /** {@code "; the fields of X are a, b, c"} for each fact the line uses, or empty. */
  static String hint(String message, String sourceLine) {
    if (message == null || !(message.contains("Unable to Analyse Expression") || message.contains("nknown field")
        || message.contains("unable to resolve") || message.contains("Unable to resolve"))) {
      return "";
    }
    Set<String> facts = new LinkedHashSet<>();
    for (String text : new String[] {sourceLine, message}) {
      Matcher m = FACT.matcher(text == null ? "" : text);
      while (m.find()) {
        facts.add(m.group(1));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String fact : facts) {
      Class<?> type;
      try {
        type = Class.forName(FACTS + fact, false, FactFields.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        continue;
      }
      if (type.isRecord()) {
        out.append("; the fields of ").append(fact).append(" are ").append(Arrays.stream(type.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.joining(", ")));
      }
    }
    return out.toString();
  }
}
