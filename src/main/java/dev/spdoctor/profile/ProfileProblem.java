package dev.spdoctor.profile;

/**
 * One thing wrong in a profile file, with where it is and how to fix it. It never holds a secret.
 *
 * @param file the profile file, as it was named
 * @param line 1-based line, or 0 when unknown (the file itself is the problem)
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong
 * @param fix how to fix it
 */
public record ProfileProblem(String file, int line, int column, String message, String fix) {
  public ProfileProblem {
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

  /** {@code file:line:col: message — fix}, leaving out what is unknown (the format knowledge-base problems use). */
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
