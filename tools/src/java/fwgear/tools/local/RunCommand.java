package fwgear.tools.local;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./gear run}: runs a gear locally as Flywheel would, like {@code fw-beta gear run}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a gear locally with its config.json (see ./gear config): prepares",
      "tmp/gear/<name>_<version>/ (input/<name>/<file>, output/, work/, config.json with the",
      "input paths rewritten, manifest.json, run.sh), builds the gear's binary if it is stale,",
      "and runs the manifest's command there with only the manifest's environment, the default",
      "PATH and FLYWHEEL=<run folder>. Exits with the gear's exit code."
    })
public final class RunCommand implements Callable<Integer> {
  private final Path workingDir;

  public RunCommand() {
    this(Path.of("").toAbsolutePath());
  }

  public RunCommand(Path workingDir) {
    this.workingDir = workingDir;
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "GEAR",
      description = "The gear's folder (gears/project_management) or manifest name.")
  String gear;

  @Option(
      names = {"-p", "--prepare-only"},
      description = {
        "Prepare the run folder (and its run.sh) without building or running; with --image,",
        "the input paths are those the gear sees in its image (/flywheel/v0/input/...)."
      })
  boolean prepareOnly;

  @Option(
      names = "--image",
      description = {
        "Run inside the gear's image instead (built first if stale, as ./gear package does),",
        "with the run folder mounted at /flywheel/v0; needs docker, podman or buildah."
      })
  boolean image;

  @Override
  public Integer call() {
    LocalGear localGear = LocalGears.resolve(workingDir, gear);
    GearConfigFile invocation =
        new ConfigService(workingDir, ApiKeySource.system()).current(localGear);
    RunService service =
        new RunService(
            LocalBinaries.packaging(), spec.commandLine().getOut(), spec.commandLine().getErr());
    Path folder = RunFolderPreparer.defaultFolder(localGear);
    if (prepareOnly && image) {
      RunFolder run =
          RunFolderPreparer.prepare(localGear, invocation, folder, RunFolderPreparer.FLYWHEEL_BASE);
      spec.commandLine().getOut().println(localGear.display(run.root()));
      return 0;
    }
    if (prepareOnly) {
      RunFolder run = service.prepare(localGear, invocation, folder);
      spec.commandLine().getOut().println(localGear.display(run.root()));
      spec.commandLine()
          .getErr()
          .println("gear: prepared; run it with " + localGear.display(run.runScript()));
      return 0;
    }
    if (image) {
      return service.runInImage(localGear, invocation, folder, new ImageLaunch());
    }
    return service.run(localGear, invocation, folder);
  }
}
