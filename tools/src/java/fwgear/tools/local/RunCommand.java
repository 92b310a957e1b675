package fwgear.tools.local;

import fwgear.tools.ExitCode;
import fwgear.tools.RepositoryOption;
import fwgear.tools.buildfile.Gear;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./gear run}: runs a gear locally as Flywheel would, like {@code fw-beta gear run}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Runs a gear locally with its config.json (see ./gear config), as Flywheel would:"
            + " prepares tmp/gear/<name>_<version>/ (input/<name>/<file>, output/, work/,"
            + " config.json with the input paths rewritten, manifest.json, run.sh), builds the"
            + " gear's binary if it is stale, and runs the manifest's command there with only the"
            + " manifest's environment, the default PATH and FLYWHEEL=<run folder>, streaming its"
            + " log. Exits with the gear's exit code.%n%nThe gear also gets the AWS settings of"
            + " this environment, as Flywheel gives them to gear-bot gears: AWS_ACCESS_KEY_ID,"
            + " AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_DEFAULT_REGION, AWS_REGION and the"
            + " endpoint overrides AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL_S3"
            + " (./gear emulator prints the local Flywheel's), then those of --env-file and --env;"
            + " nothing else of the caller's environment.")
public final class RunCommand implements Callable<Integer> {
  private final Path workingDir;

  public RunCommand() {
    this(Path.of("").toAbsolutePath());
  }

  public RunCommand(Path workingDir) {
    this.workingDir = workingDir;
  }

  @Spec CommandSpec spec;

  @Mixin RepositoryOption repository;

  @Parameters(
      index = "0",
      paramLabel = "GEAR",
      description = "The gear's folder (gears/project_management) or manifest name.")
  String gear;

  @Parameters(
      index = "1..*",
      paramLabel = "ARGS",
      description =
          "Arguments for the gear after --, such as dry_run=true or --debug (the gear's own"
              + " command-line overrides).")
  List<String> arguments = new ArrayList<>();

  @Option(
      names = {"-p", "--prepare-only"},
      description =
          "Prepare the run folder (and its run.sh) without building or running; with --image,"
              + " the input paths are those the gear sees in its image (/flywheel/v0/input/...).")
  boolean prepareOnly;

  @Option(
      names = "--image",
      description =
          "Run inside the gear's image instead (built first if stale, as ./gear package does),"
              + " with the run folder mounted at /flywheel/v0; needs docker, podman or buildah.")
  boolean image;

  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description = "A variable for the gear (repeatable; wins over --env-file and the caller's).")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      description =
          "Variables for the gear, one NAME=VALUE a line (# comments, blank lines and a leading"
              + " 'export' are allowed; repeatable).")
  List<Path> envFiles = new ArrayList<>();

  @Override
  public Integer call() {
    Gear localGear = LocalGears.resolve(repository.root(workingDir), workingDir, gear);
    GearConfigFile invocation =
        new ConfigService(workingDir, ApiKeySource.system()).current(localGear);
    RunService service =
        RunService.withEnvironment(
            LocalBinaries.packaging(),
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            RunEnvironment.of(System.getenv(), envFiles, env));
    Path folder = RunFolderPreparer.defaultFolder(localGear);
    if (prepareOnly && image) {
      RunFolder run =
          RunFolderPreparer.prepare(localGear, invocation, folder, RunFolderPreparer.FLYWHEEL_BASE);
      spec.commandLine().getOut().println(localGear.display(run.root()));
      return ExitCode.OK.code();
    }
    if (prepareOnly) {
      RunFolder run = service.prepare(localGear, invocation, folder, arguments);
      spec.commandLine().getOut().println(localGear.display(run.root()));
      spec.commandLine()
          .getErr()
          .println("gear: prepared; run it with " + localGear.display(run.runScript()));
      return ExitCode.OK.code();
    }
    if (image) {
      return service.runInImage(
          localGear, invocation, folder, arguments, new ImageLaunch(service.environment()));
    }
    return service.run(localGear, invocation, folder, arguments);
  }
}
