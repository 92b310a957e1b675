package fwgear.tools.local;

import fwgear.tools.ExitCode;
import fwgear.tools.RepositoryOption;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.ignore.GitIgnores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./gear config}: a gear's local config.json, like {@code fw-beta gear config}. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description =
        "Creates or edits a gear's local config.json (in its src/docker folder, which should"
            + " git-ignore it: a warning says so when it does not), checking every value against"
            + " the manifest. Refused changes are listed with their reason, exit code 2, and the"
            + " file is left as it was. Without options: --show.",
    footer = {
      "",
      "Examples:",
      "  ./gear config gears/project_management --new",
      "  ./gear config project-management -c dry_run=true -c admin_group=nacc",
      "  ./gear config gears/other -c 'ids=[1, 2]'          (JSON for an array)",
      "  cd gears/project_management && ../../gear config . -i project_file=data/x.yaml",
      "  FW_API_KEY=... ./gear config gears/project_management -i api-key",
      "  ./gear config project-management -d nacc/project-admin --show"
    })
public final class ConfigCommand implements Callable<Integer> {
  private final Path workingDir;
  private final ApiKeySource keys;
  private final DestinationLookup lookup;

  public ConfigCommand() {
    this(Path.of("").toAbsolutePath(), ApiKeySource.system(), DestinationLookup.onSite());
  }

  public ConfigCommand(Path workingDir, ApiKeySource keys, DestinationLookup lookup) {
    this.workingDir = workingDir;
    this.keys = keys;
    this.lookup = lookup;
  }

  @Spec CommandSpec spec;

  @Mixin RepositoryOption repository;

  @Parameters(
      index = "0",
      paramLabel = "GEAR",
      description = "The gear's folder (gears/project_management) or manifest name.")
  String gear;

  @Option(names = "--new", description = "Start from the manifest's defaults (replaces the file).")
  boolean fresh;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "KEY=VALUE",
      description = "Set a config value, typed by the manifest (JSON for arrays).")
  List<String> options = new ArrayList<>();

  @Option(
      names = {"-i", "--input"},
      paramLabel = "NAME[=PATH]",
      description =
          "Set an input: NAME=PATH for a file input; for an api-key input NAME alone (key from"
              + " FW_API_KEY or a prompt that does not echo) or NAME=KEYFILE.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = {"-d", "--destination"},
      paramLabel = "GROUP[/PROJECT]|ID:TYPE",
      description = "Set the destination container.")
  String destination;

  @Option(
      names = "--show",
      description = "Print keys, types, defaults and values (API keys redacted).")
  boolean show;

  @Override
  public Integer call() {
    Gear localGear = LocalGears.resolve(repository.root(workingDir), workingDir, gear);
    ConfigService service =
        new ConfigService(
            workingDir, keys, lookup, note -> spec.commandLine().getErr().println("gear: " + note));
    ConfigService.Changes changes =
        new ConfigService.Changes(fresh, options, inputs, Optional.ofNullable(destination));
    GearConfigFile invocation;
    if (changes.isEmpty()) {
      invocation = service.current(localGear);
    } else {
      invocation = service.apply(localGear, changes);
      spec.commandLine()
          .getErr()
          .println("gear: wrote " + localGear.display(localGear.configFile()));
      notIgnoredWarning(localGear.root(), localGear.configFile())
          .ifPresent(warning -> spec.commandLine().getErr().println("gear: warning: " + warning));
    }
    if (show || changes.isEmpty()) {
      spec.commandLine().getOut().print(ConfigReport.render(localGear, invocation));
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK.code();
  }

  /**
   * Many real gear folders have no {@code .gitignore}, so the file that holds the API key would be
   * committed by the next {@code git add}: say so, as {@code git check-ignore} judges it (the same
   * fact {@code ./gear validate}'s gitignore-config rule reports as an error).
   */
  static Optional<String> notIgnoredWarning(Path root, Path configFile) {
    Path base = root.toAbsolutePath().normalize();
    Path absolute = configFile.toAbsolutePath().normalize();
    if (!absolute.startsWith(base)) {
      return Optional.empty();
    }
    String relative = base.relativize(absolute).toString().replace('\\', '/');
    if (GitIgnores.git(base).isIgnored(relative, false)) {
      return Optional.empty();
    }
    Path folder = base.relativize(absolute.getParent());
    String gitignore = folder.toString().isEmpty() ? ".gitignore" : folder + "/.gitignore";
    return Optional.of(
        "git does not ignore "
            + relative
            + ", which holds the gear's API key once one is set: add config.json to "
            + gitignore);
  }
}
