package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.emulator.RequestLog;
import fwgear.flywheel.FlywheelClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * user_management as Flywheel runs a gear-bot gear: packaged into its image, run inside it with
 * only the manifest's environment and the AWS settings (the gear bot's key is in the local
 * Flywheel's SSM) on the worked example's user file against the local Flywheel seeded with {@code
 * data/user-seed.yaml}: the users and their access must be made, and a second run writes nothing.
 */
@Tag("image")
class UserManagementImageTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path GEAR = ROOT.resolve("gears/user_management");
  static ImageTests.PackagedGear gear;

  @TempDir Path temp;

  @BeforeAll
  static void packageTheGear() throws Exception {
    gear = ImageTests.packageGear("gears/user_management");
  }

  /** A run folder as Flywheel lays it out, with paths as the gear sees them inside the image. */
  private Path prepare(String name) throws Exception {
    Path runFolder = Files.createDirectories(temp.resolve(name));
    Files.copy(GEAR.resolve("src/docker/manifest.json"), runFolder.resolve("manifest.json"));
    Path input = Files.createDirectories(runFolder.resolve("input/user_file"));
    Files.copy(GEAR.resolve("data/users.yaml"), input.resolve("users.yaml"));
    Files.createDirectories(runFolder.resolve("output"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.putObject("config").put("dry_run", false).put("admin_group", "nacc");
    ObjectNode file = root.putObject("inputs").putObject("user_file");
    file.put("base", "file");
    file.putObject("location")
        .put("path", "/flywheel/v0/input/user_file/users.yaml")
        .put("name", "users.yaml");
    file.putObject("object").put("type", "source code");
    Files.writeString(runFolder.resolve("config.json"), json.writeValueAsString(root));
    return runFolder;
  }

  private int runInImage(FlywheelEmulator flywheel, Path runFolder, List<String> log)
      throws Exception {
    return gear.run(runFolder, flywheel.awsEnvironment(), log::add);
  }

  @Test
  void makesTheWorkedExamplesUsersAndAccessFromInsideItsImage() throws Exception {
    try (FlywheelEmulator flywheel =
        FlywheelEmulator.start(
            EmulatorOptions.inMemory().withSeedFile(GEAR.resolve("data/user-seed.yaml")))) {
      List<String> log = new ArrayList<>();
      int exit = runInImage(flywheel, prepare("first"), log);

      assertThat(exit).as(String.join("\n", log)).isZero();
      FlywheelClient admin = FlywheelClient.connect(flywheel.apiKey());
      assertThat(admin.getUser("0000-0001-0000-0001").email()).isEqualTo("alex@alpha.example");
      assertThat(admin.getGroup("alpha").permissionOf("carl@alpha.example")).isPresent();
      assertThat(admin.findUser("0000-0007-0000-0007")).isEmpty();
      assertThat(String.join("\n", log))
          .contains("(18 writes)")
          .doesNotContain("emulator-gearbot-key")
          .doesNotContain(flywheel.awsCredentials().secretAccessKey());

      flywheel.requestLog().clear();
      List<String> again = new ArrayList<>();
      assertThat(runInImage(flywheel, prepare("second"), again))
          .as(String.join("\n", again))
          .isZero();
      assertThat(flywheel.requestLog().entries())
          .filteredOn(e -> e.path().startsWith("/api/"))
          .isNotEmpty()
          .noneMatch(RequestLog.Entry::isWrite);
    }
  }
}
