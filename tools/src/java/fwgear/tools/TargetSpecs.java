package fwgear.tools;

import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/**
 * The target specs every command that works on targets takes (list, peek, validate, package,
 * upload), read the same way by each: Pants specs ({@code dir:name}, {@code dir}, {@code dir::},
 * {@code ::}; {@code -spec} excludes), and, where a spec selects nothing as a Pants spec, a gear
 * named by its folder or manifest name ({@code gears/project_management}, {@code
 * project-management}) stands for everything in the gear ({@code gears/project_management::}).
 *
 * <p>Commands with this mixin take unknown {@code -x} arguments as specs (exclusions), see {@link
 * GearCli}; {@link Specs#parse} refuses {@code --x}.
 */
public final class TargetSpecs {
  @Parameters(
      paramLabel = "<specs>",
      description =
          "Targets: dir:name, dir, dir::, :: (the default), or a gear's folder or manifest name;"
              + " -spec excludes (-gears/x::).")
  List<String> specs = new ArrayList<>();

  /** What was written, for commands that say so. */
  public List<String> raw() {
    return List.copyOf(specs);
  }

  /** The specs, parsed; none at all means {@code ::}. */
  public Specs parse(Repository repository) {
    return parse(repository, specs);
  }

  /** The specs a command was given, with gear names read as the gear's targets. */
  public static Specs parse(Repository repository, List<String> specs) {
    List<String> resolved = new ArrayList<>();
    for (String spec : specs) {
      boolean exclude = spec.startsWith("-") && !spec.startsWith("--") && spec.length() > 1;
      String text = exclude ? spec.substring(1) : spec;
      resolved.add((exclude ? "-" : "") + gearOrSpec(repository, text));
    }
    Specs parsed = Specs.parse(resolved);
    // A spec that names nothing is bad usage, for every command alike (no silent empty result).
    repository.targets(new Specs(parsed.includes(), List.of()));
    for (Specs.Spec excluded : parsed.excludes()) {
      repository.targets(new Specs(List.of(excluded), List.of()));
    }
    return parsed;
  }

  /** {@code text}, or the gear it names as {@code <folder>::} when it selects nothing itself. */
  private static String gearOrSpec(Repository repository, String text) {
    if (text.contains(":") || text.startsWith("-")) {
      return text;
    }
    try {
      repository.targets(Specs.parse(List.of(text)));
      return text;
    } catch (UsageException selectsNothing) {
      try {
        String folder = GearArgument.resolve(repository, repository.root(), text).folder();
        return folder.isEmpty() ? "::" : folder + "::";
      } catch (UsageException noGear) {
        throw selectsNothing;
      }
    }
  }
}
