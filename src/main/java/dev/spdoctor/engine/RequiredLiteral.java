package dev.spdoctor.engine;

/**
 * Finds a literal that every match of a pattern must contain, so that a cheap {@code indexOf} can
 * skip running the pattern over text that cannot match. Conservative: only runs of plain characters
 * at the top level of a pattern without top-level alternation count; anything unclear yields none.
 */
final class RequiredLiteral {
  /** The literal, and whether it must be compared ignoring case. */
  record Literal(String text, boolean ignoreCase) {}

  private static final int MIN_LENGTH = 4;

  private RequiredLiteral() {}

  /** The longest required literal of {@code pattern}, or null when none is certain. */
  static Literal of(String pattern) {
    boolean ignoreCase = false;
    String p = pattern;
    if (p.startsWith("(?i)")) {
      ignoreCase = true;
      p = p.substring(4);
    }
    if (p.contains("(?i") || p.contains("(?s") || p.contains("(?m") || p.contains("(?U")) {
      return null;
    }
    String best = "";
    StringBuilder run = new StringBuilder();
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (inClass) {
        if (c == '\\') {
          i++;
        } else if (c == ']') {
          inClass = false;
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
        best = longer(best, run);
        run.setLength(0);
        continue;
      }
      if (c == '\\') {
        if (i + 1 >= p.length()) {
          return null;
        }
        char e = p.charAt(++i);
        if (depth == 0 && ".()[]{}?*+|^$\\/-'\":,".indexOf(e) >= 0) {
          if (quantified(p, i + 1)) {
            best = longer(best, run);
            run.setLength(0);
          } else {
            run.append(e);
          }
        } else {
          best = longer(best, run);
          run.setLength(0);
        }
        continue;
      }
      if (c == '(') {
        depth++;
        best = longer(best, run);
        run.setLength(0);
        continue;
      }
      if (c == ')') {
        depth--;
        if (quantified(p, i + 1)) {
          best = longer(best, run);
        }
        run.setLength(0);
        continue;
      }
      if (depth > 0) {
        continue;
      }
      if (c == '|') {
        return null; // top-level alternation: no single literal is required
      }
      if ("]{}.*+?^$".indexOf(c) >= 0) {
        best = longer(best, run);
        run.setLength(0);
        continue;
      }
      if (quantified(p, i + 1)) {
        best = longer(best, run);
        run.setLength(0);
        continue;
      }
      run.append(c);
    }
    best = longer(best, run);
    if (best.strip().length() < MIN_LENGTH) {
      return null;
    }
    return new Literal(ignoreCase ? best.toLowerCase(java.util.Locale.ROOT) : best, ignoreCase);
  }

  /** Whether the character or group ending before {@code next} is made optional or repeated. */
  private static boolean quantified(String p, int next) {
    return next < p.length() && "?*{".indexOf(p.charAt(next)) >= 0;
  }

  private static String longer(String best, StringBuilder run) {
    return run.length() > best.length() ? run.toString() : best;
  }
}
