package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.emulator.RequestLog;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * project_management as Flywheel runs it: packaged into its image from its own Dockerfile, then run
 * inside the image (run folder at /flywheel/v0, only the manifest's environment, the manifest's
 * command) against the local Flywheel server, which must end in the worked example's state.
 */
@Tag("image")
class ProjectManagementImageTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path GEAR = ROOT.resolve("gears/project_management");
  static ImageTests.PackagedGear gear;

  @TempDir Path runFolder;
  FlywheelEmulator flywheel;

  @BeforeAll
  static void packageTheGear() throws Exception {
    gear = ImageTests.packageGear("gears/project_management");
  }

  @BeforeEach
  void start() throws Exception {
    flywheel = FlywheelEmulator.start(EmulatorOptions.inMemory());
  }

  @AfterEach
  void stop() {
    flywheel.close();
  }

  /** A run folder as Flywheel lays it out, with paths as the gear sees them inside the image. */
  void prepare(boolean dryRun) throws Exception {
    Files.copy(GEAR.resolve("src/docker/manifest.json"), runFolder.resolve("manifest.json"));
    Path input = Files.createDirectories(runFolder.resolve("input/project_file"));
    Files.copy(GEAR.resolve("data/test-project.yaml"), input.resolve("test-project.yaml"));
    Files.createDirectories(runFolder.resolve("output"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.putObject("config")
        .put("dry_run", dryRun)
        .put("admin_group", "nacc")
        .put("new_only", false);
    ObjectNode inputs = root.putObject("inputs");
    inputs.putObject("api-key").put("base", "api-key").put("key", flywheel.apiKey().reveal());
    ObjectNode file = inputs.putObject("project_file");
    file.put("base", "file");
    file.putObject("location")
        .put("path", "/flywheel/v0/input/project_file/test-project.yaml")
        .put("name", "test-project.yaml");
    file.putObject("object").put("type", "source code");
    root.putObject("destination").put("type", "group").put("id", "nacc");
    Files.writeString(runFolder.resolve("config.json"), json.writeValueAsString(root));
  }

  int runInImage(List<String> log) throws Exception {
    return gear.run(runFolder, Map.of(), log::add);
  }

  @Test
  void createsTheWorkedExampleStateFromInsideItsImage() throws Exception {
    prepare(false);
    List<String> log = new ArrayList<>();

    int exit = runInImage(log);

    assertThat(exit).as(String.join("\n", log)).isZero();
    FlywheelClient admin = FlywheelClient.connect(flywheel.apiKey());
    assertThat(admin.findGroups().stream().map(Group::id))
        .containsExactlyInAnyOrder("alpha", "beta-inactive", "gamma-adrc", "nacc", "release-tau");
    assertThat(admin.findProjects()).hasSize(18);
    assertThat(admin.groupProjects("release-tau").stream().map(Project::label))
        .containsExactly("master-project");
    assertThat(admin.groupProjects("gamma-adrc").stream().map(Project::label))
        .containsExactlyInAnyOrder(
            "ingest-form-zeta", "retrospective-form-zeta", "accepted-zeta", "metadata");
    assertThat(admin.getGroup("alpha").tags()).contains("center-code-1006");
  }

  @Test
  void aDryRunInsideTheImageWritesNothing() throws Exception {
    prepare(true);
    List<String> log = new ArrayList<>();
    flywheel.requestLog().clear();

    int exit = runInImage(log);

    assertThat(exit).as(String.join("\n", log)).isZero();
    assertThat(flywheel.requestLog().entries()).isNotEmpty().noneMatch(RequestLog.Entry::isWrite);
    assertThat(FlywheelClient.connect(flywheel.apiKey()).findGroups().stream().map(Group::id))
        .containsExactly("nacc");
  }
}
