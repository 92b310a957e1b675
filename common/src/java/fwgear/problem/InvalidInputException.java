package fwgear.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when an input file (manifest, config.json, BUILD, YAML...) has problems. It carries all of
 * them, so a user fixes a file in one round; its message is the problems, one per line.
 */
public class InvalidInputException extends RuntimeException {
  private final List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }

  /** Throws when any of the problems is an error; warnings alone pass. */
  public static void throwIfErrors(List<Problem> problems) {
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new InvalidInputException(problems);
    }
  }
}
