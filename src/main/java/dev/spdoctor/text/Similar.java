package dev.spdoctor.text;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for messages that suggest a fix: edit distance, and SnakeYAML messages without source. */
public final class Similar {
  private Similar() {}

  /** The Levenshtein distance between two strings. */
  public static int distance(String a, String b) {
    if (a == null) {
      throw new NullPointerException("a == null");
    }
    if (b == null) {
      throw new NullPointerException("b == null");
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * A SnakeYAML message without its "in 'reader'" locations and the quoted source lines under them
   * (the caller gives the location; a quoted line may hold a secret), joined with ", "; empty when
   * nothing is left.
   */
  public static String yamlMessage(String s) {
    if (s == null) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    String[] lines = s.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("in 'reader'")) {
        i += 2; // the quoted source line and the caret under it
        continue;
      }
      if (!l.isEmpty() && !l.startsWith("at [Source")) {
        kept.add(l);
      }
    }
    return String.join(", ", kept);
  }
}
