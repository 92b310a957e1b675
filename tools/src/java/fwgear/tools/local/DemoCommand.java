package fwgear.tools.local;

import fwgear.tools.RepositoryOption;
import fwgear.tools.buildfile.Gear;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./gear demo}: the main job, end to end on a local Flywheel server. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs project_management then push_template end to end with nothing to set up: starts"
            + " a local Flywheel server (free port, temporary data, seeded with"
            + " gears/push_template/data/templates-seed.yaml: the admin group nacc with template"
            + " projects), runs project_management with gears/push_template/data/demo-project.yaml"
            + " and the server's key as ./gear run does, then push_template, and prints the"
            + " resulting groups and projects as a tree with each project's rules, role"
            + " assignments, description and apps. Exits with the first failing gear's exit"
            + " code.%n%n./gear demo pull-metadata: project_management makes the same centers on"
            + " gears/pull_metadata/data/demo-seed.yaml (two sample tables in the local S3 bucket"
            + " nacc-metadata), then pull_metadata splits the tables by center and uploads them"
            + " (twice: the second run uploads nothing), and each center's metadata project's"
            + " files are listed.%n%n./gear demo user-management: directory_pull reads the"
            + " NACC directory from the local REDCap (gears/user_management/data/user-seed.yaml,"
            + " report 101) and uploads the user file to nacc/project-admin, then user_management"
            + " runs on that file (twice: the second run writes nothing); the tree shows the"
            + " users' group access and project roles, and the users are listed.")
public final class DemoCommand implements Callable<Integer> {
  private final Path workingDir;
  private final DemoService.Demo demo;
  private final GearBinaries binaries;

  public DemoCommand() {
    this(Path.of("").toAbsolutePath(), DemoService.Demo.TEMPLATES, LocalBinaries.packaging());
  }

  public DemoCommand(Path workingDir, DemoService.Demo demo, GearBinaries binaries) {
    this.workingDir = workingDir;
    this.demo = demo;
    this.binaries = binaries;
  }

  @Spec CommandSpec spec;

  @Mixin RepositoryOption repository;

  @picocli.CommandLine.Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DEMO",
      description = "templates (default), pull-metadata or user-management.")
  String which;

  @Option(
      names = "--project-file",
      paramLabel = "YAML",
      description =
          "Another project file for project_management (default:"
              + " gears/push_template/data/demo-project.yaml).")
  Path projectFile;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "KEY=VALUE",
      description = "A config value for each gear, such as dry_run=true.")
  List<String> options = new ArrayList<>();

  @Option(
      names = "--image",
      description =
          "Run the gears inside their images (built first if stale, as ./gear package does); needs"
              + " docker, podman or buildah, and a reachable base image (BASE_IMAGE).")
  boolean image;

  @Override
  public Integer call() {
    DemoService.Demo demo = this.demo;
    if (which != null) {
      demo =
          switch (which) {
            case "templates", "push-template" -> DemoService.Demo.TEMPLATES;
            case "pull-metadata", "pull_metadata" -> DemoService.Demo.PULL_METADATA;
            case "user-management", "user_management", "directory" ->
                DemoService.Demo.USER_MANAGEMENT;
            default ->
                throw new fwgear.tools.UsageException(
                    "no demo " + which + " (templates, pull-metadata or user-management)");
          };
    }
    Gear gear = LocalGears.resolve(repository.root(workingDir), workingDir, demo.gear());
    if (projectFile != null && demo.fileInput() == null) {
      throw new fwgear.tools.UsageException(
          "--project-file: the " + which + " demo's first gear takes no file input");
    }
    String file = projectFile == null ? demo.file() : gear.display(workingDir.resolve(projectFile));
    DemoService service =
        new DemoService(
            gear.root(), binaries, spec.commandLine().getOut(), spec.commandLine().getErr());
    return service.run(
        demo.withFile(file), options, image ? Optional.of(new ImageLaunch()) : Optional.empty());
  }
}
