package dev.spdoctor.kb;

import java.util.List;
import java.util.stream.Collectors;

/** The knowledge base has problems; each one says where it is and how to fix it. */
public final class KbException extends RuntimeException {
  private final List<KbProblem> problems;

  public KbException(List<KbProblem> problems) {
    super(problems.size() + " problem(s) in knowledge-base/ or rules/:\n"
        + problems.stream().map(KbProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<KbProblem> problems() {
    return problems;
  }
}
