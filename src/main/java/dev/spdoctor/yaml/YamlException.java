package dev.spdoctor.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A file that could not be read, with every problem found in it (one per line of the message). */
public final class YamlException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public YamlException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
