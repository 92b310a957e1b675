package fwgear.tools.local;

import fwgear.context.GearArguments;
import fwgear.context.Invocation;
import fwgear.manifest.InputSpec;
import fwgear.problem.Problem;
import fwgear.tools.buildfile.Gear;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a local config.json is complete enough to run, by the runtime's own check (the one the
 * gear's context makes when it opens: {@link Invocation}), with file inputs read from the
 * repository. This adds only the fix-it hint, chosen by rule id: the {@code ./gear config} command
 * that sets the value.
 */
public final class InvocationCheck {
  private InvocationCheck() {}

  public static List<Problem> problems(Gear gear, GearConfigFile invocation) {
    String file = gear.display(gear.configFile());
    Invocation checked =
        Invocation.resolve(
            gear.manifest(),
            Optional.of(invocation.document(file)),
            GearArguments.none(),
            Map.of(),
            gear.root());
    String fix = "./gear config " + gear.display(gear.path(gear.folder()));
    return checked.problems().stream().map(problem -> withHint(gear, problem, fix)).toList();
  }

  private static Problem withHint(Gear gear, Problem problem, String fix) {
    String hint = hint(gear, problem, fix);
    if (hint.isEmpty()) {
      return problem;
    }
    return new Problem(
        problem.file(),
        problem.line(),
        problem.key(),
        problem.rule(),
        problem.severity(),
        problem.message() + " (" + hint + ")");
  }

  /** The command that fixes a problem of this rule, or empty. */
  static String hint(Gear gear, Problem problem, String fix) {
    String[] key = problem.key().split("\\.");
    String name = key.length > 1 ? key[1] : "";
    if (name.isEmpty()) {
      return "";
    }
    return switch (problem.rule()) {
      case "config-required", "config-value" -> fix + " -c " + name + "=...";
      case "input-required", "input-file-missing", "input-file", "input-base" -> {
        InputSpec input = gear.manifest().inputs().get(name);
        boolean apiKey = input != null && input.isApiKey();
        yield apiKey ? "FW_API_KEY=... " + fix + " -i " + name : fix + " -i " + name + "=PATH";
      }
      case "input-api-key", "api-key-invalid" -> "FW_API_KEY=... " + fix + " -i " + name;
      default -> "";
    };
  }
}
