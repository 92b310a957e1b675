package fwgear.tools.validate;

import static fwgear.problem.Problem.error;

import fwgear.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Rule group 5: the gear's {@code src/docker/.gitignore} (beside its docker_image BUILD file) lists
 * {@code config.json}, which holds an API key in local runs.
 */
public final class GitignoreRules implements Rule {
  public static final String CONFIG_IGNORED = "gitignore-config";

  private static final Set<String> IGNORING_LINES =
      Set.of("config.json", "/config.json", "**/config.json");

  @Override
  public void check(GearFiles gear, List<Problem> problems) {
    String directory = gear.image().target().directory();
    String relative = directory.isEmpty() ? ".gitignore" : directory + "/.gitignore";
    Path file = gear.repository().resolve(relative);
    if (!Files.isRegularFile(file)) {
      problems.add(
          error(
              relative,
              0,
              "",
              CONFIG_IGNORED,
              "missing: "
                  + relative
                  + " must list config.json, which holds an API key when the gear runs locally"));
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      problems.add(error(relative, 0, "", CONFIG_IGNORED, "cannot read: " + e.getMessage()));
      return;
    }
    for (String line : lines) {
      if (line.startsWith("!") && IGNORING_LINES.contains(line.substring(1).strip())) {
        break; // re-included after being ignored
      }
      if (IGNORING_LINES.contains(line.strip())) {
        return;
      }
    }
    problems.add(
        error(
            relative,
            lines.size(),
            "",
            CONFIG_IGNORED,
            "does not list config.json, which holds an API key when the gear runs locally"));
  }
}
