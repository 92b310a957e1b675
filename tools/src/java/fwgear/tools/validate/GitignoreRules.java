package fwgear.tools.validate;

import static fwgear.problem.Problem.error;

import fwgear.problem.Problem;
import fwgear.tools.buildfile.Gear;
import java.nio.file.Files;
import java.util.List;

/**
 * Rule group 5: git ignores the gear's {@code config.json} (beside its docker_image BUILD file),
 * which holds an API key in local runs. Judged as {@code git check-ignore} would, from every {@code
 * .gitignore} of the repository ({@code config.json}, {@code config.json*}, {@code *.json} with
 * {@code !manifest.json}, {@code **}{@code /config.json} in a parent folder all do).
 */
public final class GitignoreRules implements Rule {
  public static final String CONFIG_IGNORED = "gitignore-config";

  @Override
  public void check(Gear gear, List<Problem> problems) {
    String directory = gear.image().target().directory();
    String relative = directory.isEmpty() ? ".gitignore" : directory + "/.gitignore";
    String config = directory.isEmpty() ? "config.json" : directory + "/config.json";
    if (gear.repository().gitIgnores().isIgnored(config, false)) {
      return;
    }
    if (!Files.isRegularFile(gear.repository().resolve(relative))) {
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
    problems.add(
        error(
            relative,
            0,
            "",
            CONFIG_IGNORED,
            "does not make git ignore config.json, which holds an API key when the gear runs"
                + " locally (add config.json)"));
  }
}
