package dev.spdoctor.profile;

import dev.spdoctor.yaml.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A profile cannot be used; each problem says where it is and how to fix it. */
public final class ProfileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ProfileException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<Problem> problems) {
    if (problems == null || problems.isEmpty()) {
      throw new IllegalArgumentException("problems is empty");
    }
    String what = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return what + " in the profile:\n"
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  public List<Problem> problems() {
    return problems;
  }
}
