package dev.spdoctor.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** Small helpers for messages that suggest a fix: edit distance, and SnakeYAML messages without source. */
public final class Similar {
  private Similar() {}

  /**
   * The key {@code word} is most likely a misspelling of, or null when none is close enough to be a
   * typo: for short words a user types (keys, values). Case, '_' and ' ' against '-' do not count;
   * one edit in three characters (at least one, at most three) does.
   */
  public static String nearest(String word, Collection<String> candidates) {
    return nearest(word, candidates, best -> Math.min(3, Math.max(1, best.length() / 3)));
  }

  /**
   * The id {@code word} is most likely a misspelling of, or null: for long kebab-case ids (causes,
   * rules, probes, portal entries), where a wrong word in the middle is still a typo worth naming.
   */
  public static String nearestId(String word, Collection<String> candidates) {
    return nearest(word, candidates, best -> Math.max(3, best.length() / 2));
  }

  /** {@code " (did you mean 'X'?)"} for the nearest id, or empty when none is close. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String near = nearestId(word, candidates);
    return near == null ? "" : " (did you mean '" + near + "'?)";
  }

  private static String nearest(String word, Collection<String> candidates, ToIntFunction<String> limit) {
    String w = normal(word);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, normal(c));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= limit.applyAsInt(best) ? best : null;
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
  }

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
