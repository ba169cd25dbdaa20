package dev.spdoctor.scan;

import java.util.Locale;

/**
 * Writes a signature pattern (RE2 syntax) as a GNU {@code grep -E} pattern, so that anyone can
 * compare {@code spdoctor scan} with grep on the same messages ({@code spdoctor kb patterns --grep}).
 *
 * <p>Named and non-capturing groups become plain groups, lazy quantifiers greedy ones (grep only
 * says whether a line matches, which is the same), {@code \d} becomes {@code [0-9]}, escaped
 * punctuation that ERE does not need escaped loses its backslash, and a leading {@code (?i)} is
 * spelled out as {@code [aA]} for each letter. Note that grep reads raw lines, while signatures
 * match normalised text (white space runs as one space, JSON escapes decoded, wrapped lines
 * joined): grep finds the same messages only where they are printed on one line as written.
 */
public final class GrepPatterns {
  private static final String ERE_SPECIAL = ".[]()*+?{}|^$\\";

  private GrepPatterns() {}

  /** The grep -E form of {@code pattern}, or null when it uses something ERE cannot say. */
  public static String of(String pattern) {
    boolean ignoreCase = false;
    String p = pattern;
    if (p.startsWith("(?i)")) {
      ignoreCase = true;
      p = p.substring(4);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '(' && p.startsWith("(?", i)) {
        if (p.startsWith("(?:", i)) {
          i += 3;
        } else if (p.startsWith("(?P<", i) || p.startsWith("(?<", i)) {
          i = p.indexOf('>', i) + 1;
        } else {
          return null; // inline flags inside the pattern
        }
        out.append('(');
        continue;
      }
      if (c == '\\') {
        if (i + 1 >= p.length()) {
          return null;
        }
        char e = p.charAt(i + 1);
        i += 2;
        switch (e) {
          case 'd' -> out.append("[0-9]");
          case 'D' -> out.append("[^0-9]");
          case 's', 'S', 'w', 'W', 'b', 'B' -> out.append('\\').append(e);
          case 'n', 't', 'r', 'x', 'p', 'P', 'A', 'z', 'Q', 'E' -> {
            return null;
          }
          default -> {
            if (Character.isLetterOrDigit(e)) {
              return null;
            }
            if (ERE_SPECIAL.indexOf(e) >= 0) {
              out.append('\\');
            }
            out.append(e);
          }
        }
        continue;
      }
      if (c == '[') {
        int end = classEnd(p, i);
        if (end < 0) {
          return null;
        }
        String cls = p.substring(i, end + 1);
        if (cls.indexOf('\\') >= 0) {
          cls = cls.replace("\\s", "[:space:]").replace("\\d", "0-9");
          if (cls.indexOf('\\') >= 0) {
            return null; // POSIX brackets have no escapes
          }
        }
        out.append(cls);
        i = end + 1;
        continue;
      }
      if ((c == '?' || c == '+') && i > 0 && "*+?}".indexOf(p.charAt(i - 1)) >= 0 && (i < 2 || p.charAt(i - 2) != '\\')) {
        i++; // lazy (or possessive) marker: grep only asks whether a line matches
        continue;
      }
      if (ignoreCase && Character.isLetter(c)) {
        String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
        String upper = String.valueOf(c).toUpperCase(Locale.ROOT);
        out.append(lower.equals(upper) ? lower : "[" + lower + upper + "]");
        i++;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static int classEnd(String p, int open) {
    int i = open + 1;
    if (i < p.length() && p.charAt(i) == '^') {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++;
    }
    for (; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ']') {
        return i;
      }
    }
    return -1;
  }
}
