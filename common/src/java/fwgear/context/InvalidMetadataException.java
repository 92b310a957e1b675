package fwgear.context;

import fwgear.problem.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gear built a {@code .metadata.json} Flywheel would refuse. It is the gear's fault, not the
 * user's input, so the engine ends with exit code 1.
 */
public class InvalidMetadataException extends RuntimeException {
  private final List<Problem> problems;

  public InvalidMetadataException(List<Problem> problems) {
    super(
        "the gear's output metadata is invalid, nothing was written:\n"
            + problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
