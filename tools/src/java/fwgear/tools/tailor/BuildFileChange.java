package fwgear.tools.tailor;

import java.nio.file.Path;
import java.util.List;

/**
 * Targets {@code ./gear tailor} adds to one BUILD file.
 *
 * @param buildFile the BUILD file, relative to the repository root
 * @param created whether the BUILD file is new
 * @param targets the added targets, each as written (one call)
 * @param text the BUILD file's whole new text
 */
public record BuildFileChange(Path buildFile, boolean created, List<String> targets, String text) {
  public BuildFileChange {
    targets = List.copyOf(targets);
  }

  /** The added targets' types and names, such as {@code java_sources(name="app")}, one line. */
  public String summary() {
    List<String> heads =
        targets.stream()
            .map(t -> t.replaceAll("\\s+", " ").replace("( ", "("))
            .map(t -> t.contains(",") ? t.substring(0, t.indexOf(',')) + ", ...)" : t)
            .toList();
    return (created ? "create " : "update ") + buildFile + ": add " + String.join(", ", heads);
  }
}
