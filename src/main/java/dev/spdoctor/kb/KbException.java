package dev.spdoctor.kb;

import dev.spdoctor.yaml.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The knowledge base has problems; each one says where it is and how to fix it. */
public final class KbException extends RuntimeException {
  private final List<Problem> problems;

  public KbException(List<Problem> problems) {
    super(problems.size() + " problem(s) in knowledge-base/ or rules/:\n"
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
