package fwgear.tools.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./gear demo}: the main job, end to end on a local Flywheel server. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs project_management end to end with nothing to set up: starts a local Flywheel"
            + " server (free port, temporary data), configures the gear with"
            + " gears/project_management/data/test-project.yaml and the server's key, runs it as"
            + " ./gear run does, and prints the resulting groups and projects as a tree. Exits"
            + " with the gear's exit code.")
public final class DemoCommand implements Callable<Integer> {
  private final Path workingDir;
  private final DemoService.Demo demo;
  private final GearBinaries binaries;

  public DemoCommand() {
    this(
        Path.of("").toAbsolutePath(),
        DemoService.Demo.PROJECT_MANAGEMENT,
        LocalBinaries.packaging());
  }

  public DemoCommand(Path workingDir, DemoService.Demo demo, GearBinaries binaries) {
    this.workingDir = workingDir;
    this.demo = demo;
    this.binaries = binaries;
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--project-file",
      paramLabel = "YAML",
      description =
          "Another project file (default: gears/project_management/data/test-project.yaml).")
  Path projectFile;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "KEY=VALUE",
      description = "A config value for the gear, such as dry_run=true.")
  List<String> options = new ArrayList<>();

  @Option(
      names = "--image",
      description =
          "Run the gear inside its image (built first if stale, as ./gear package does); needs"
              + " docker, podman or buildah, and a reachable base image (BASE_IMAGE).")
  boolean image;

  @Override
  public Integer call() {
    LocalGear gear = LocalGears.resolve(workingDir, demo.gear());
    String file = projectFile == null ? demo.file() : gear.display(workingDir.resolve(projectFile));
    DemoService service =
        new DemoService(
            gear.root(), binaries, spec.commandLine().getOut(), spec.commandLine().getErr());
    return service.run(
        new DemoService.Demo(demo.gear(), demo.fileInput(), file),
        options,
        image ? Optional.of(new ImageLaunch()) : Optional.empty());
  }
}
