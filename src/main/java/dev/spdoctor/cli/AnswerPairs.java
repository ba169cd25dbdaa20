package dev.spdoctor.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --answer KEY=VALUE} options read into facts: a key given twice with different values is an error. */
final class AnswerPairs {
  private AnswerPairs() {}

  static Map<String, String> parse(List<String> pairs) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new SpdoctorException(ExitCodes.USAGE, "--answer takes KEY=VALUE, e.g. --answer app-registration-exists=no,"
            + " not '" + pair + "'");
      }
      String key = pair.substring(0, eq).strip();
      String value = pair.substring(eq + 1);
      String before = facts.put(key, value);
      if (before != null && !before.strip().equalsIgnoreCase(value.strip())) {
        throw new SpdoctorException(ExitCodes.USAGE, "--answer " + key + "=" + before + " and --answer " + key + "=" + value
            + " contradict each other; give one");
      }
    }
    return facts;
  }
}
