package fwgear.context;

import java.util.List;
import java.util.Objects;

/**
 * A Flywheel container by type and id, as config.json names a job's destination and each input
 * file's parent ({@code hierarchy}).
 *
 * @param type {@code group}, {@code project}, {@code subject}, {@code session}, {@code acquisition}
 *     or {@code analysis}
 * @param id the container id
 */
public record ContainerRef(String type, String id) {
  /** The container types that hold files, from the top of the hierarchy down. */
  public static final List<String> HIERARCHY =
      List.of("project", "subject", "session", "acquisition");

  public ContainerRef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  /** Parses the command line's {@code <id>:<type>}. */
  public static ContainerRef parse(String idAndType) {
    int colon = idAndType.lastIndexOf(':');
    if (colon <= 0 || colon == idAndType.length() - 1) {
      throw new IllegalArgumentException(
          "a destination is <id>:<type>, such as 64f0c0ffee:analysis, not \"" + idAndType + "\"");
    }
    return new ContainerRef(idAndType.substring(colon + 1), idAndType.substring(0, colon));
  }

  public boolean isAnalysis() {
    return type.equals("analysis");
  }

  @Override
  public String toString() {
    return type + "=" + id;
  }
}
