package dev.spdoctor.kb;

/**
 * One thing wrong in the knowledge base, with where it is and how to fix it.
 *
 * @param file the file, relative to the knowledge-base directory's parent where possible
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param problem what is wrong
 * @param fix how to fix it
 */
public record KbProblem(String file, int line, int column, String problem, String fix) {
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.append(": ").append(problem).append(" — ").append(fix).toString();
  }
}
