package dev.spdoctor.yaml;

/**
 * One thing wrong in a file the user or an author wrote (knowledge base, rule, fixture, profile,
 * answers, configuration), with where it is and how to fix it. It never holds a secret.
 *
 * @param file the file, as it is best shown (relative to the working copy where possible)
 * @param line 1-based line, or 0 when unknown (the file itself is the problem)
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong
 * @param fix how to fix it
 */
public record Problem(String file, int line, int column, String message, String fix) {
  public Problem {
    if (file == null) {
      throw new NullPointerException("file == null");
    }
    if (message == null) {
      throw new NullPointerException("message == null");
    }
    if (fix == null) {
      throw new NullPointerException("fix == null");
    }
  }

  /** {@code file:line:col: message — fix}, leaving out what is unknown. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.append(": ").append(message).append(" — ").append(fix).toString();
  }
}
