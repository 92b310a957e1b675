package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Group;
import fwgear.tools.RepositoryRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gear run --image}: project_management in its own image (buildah), with the run folder
 * mounted at /flywheel/v0, against a local Flywheel server on the host network. Needs the local
 * base image in BASE_IMAGE, as .ci/steps/20-images.sh exports it.
 */
@Tag("image")
class ImageRunTest {

  @Test
  void projectManagementRunsInItsImageAgainstTheLocalServer() throws Exception {
    Assumptions.assumeTrue(
        System.getenv("BASE_IMAGE") != null, "BASE_IMAGE names the local base image");
    Path root = RepositoryRoot.find(Path.of("").toAbsolutePath()).orElseThrow();
    LocalGear gear = LocalGears.resolve(root, root, "gears/project_management");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      GearConfigFile invocation =
          new ConfigService(root, ApiKeySource.of(server.apiKey()))
              .edit(
                  gear,
                  ConfigEditor.defaults(gear.manifest()),
                  new ConfigService.Changes(
                      true,
                      List.of(),
                      List.of(
                          "project_file=gears/project_management/data/test-project.yaml",
                          "api-key"),
                      Optional.empty()));

      int exitCode =
          new RunService(
                  LocalBinaries.packaging(), new PrintWriter(out, true), new PrintWriter(err, true))
              .runInImage(
                  gear,
                  invocation,
                  root.resolve("tmp/gear/image-test/project-management"),
                  List.of(),
                  new ImageLaunch());

      assertThat(exitCode).as(out + "\n" + err).isZero();
      assertThat(FlywheelClient.connect(server.apiKey()).findGroups().stream().map(Group::id))
          .contains("alpha", "beta-inactive", "gamma-adrc", "release-tau");
      assertThat(out.toString()).contains("Created 4 groups and 18 projects");
    }
  }
}
