package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.flywheel.FlywheelClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * directory_pull as Flywheel runs a gear-bot gear: packaged into its image, run inside it with only
 * the manifest's environment and the AWS settings against the local Flywheel seeded with the gear's
 * worked example ({@code gears/directory_pull/data/directory-seed.yaml}): the gear bot's key and
 * the REDCap URL and token come from SSM, the records from the local REDCap API, and the user file
 * goes to nacc/project-admin; a second run writes nothing.
 */
@Tag("image")
class DirectoryPullImageTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path GEAR = ROOT.resolve("gears/directory_pull");
  static final String TOKEN = "0A1B2C3D4E5F60718293A4B5C6D7E8F9";
  static final String FILE = "nacc-directory-users.yaml";
  static ImageTests.PackagedGear gear;

  @TempDir Path temp;

  @BeforeAll
  static void packageTheGear() throws Exception {
    gear = ImageTests.packageGear("gears/directory_pull");
  }

  /** One run of the image on a fresh run folder; the log lines, the exit code last. */
  private List<String> runInImage(FlywheelEmulator flywheel, String name) throws Exception {
    Path runFolder = Files.createDirectories(temp.resolve(name));
    Files.copy(GEAR.resolve("src/docker/manifest.json"), runFolder.resolve("manifest.json"));
    Files.createDirectories(runFolder.resolve("output"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.putObject("config").put("user_report_id", "101");
    root.putObject("inputs");
    Files.writeString(runFolder.resolve("config.json"), json.writeValueAsString(root));

    List<String> log = new ArrayList<>();
    int exit = gear.run(runFolder, flywheel.awsEnvironment(), log::add);
    log.add("exit " + exit);
    return log;
  }

  @Test
  void pullsTheDirectoryFromTheLocalRedcapIntoTheAdminProjectFromInsideItsImage() throws Exception {
    Path seed = GEAR.resolve("data/directory-seed.yaml");
    try (FlywheelEmulator flywheel =
        FlywheelEmulator.start(EmulatorOptions.inMemory().withSeedFile(seed))) {
      FlywheelClient admin = FlywheelClient.connect(flywheel.apiKey());

      List<String> first = runInImage(flywheel, "first");

      String log = String.join("\n", first);
      assertThat(first.get(first.size() - 1)).as(log).isEqualTo("exit 0");
      assertThat(log)
          .contains("6 records: 3 directory entries, 1 incomplete, 2 malformed")
          .contains("Record 4: malformed: ")
          .contains("(1 write)")
          .doesNotContain(TOKEN)
          .doesNotContain("emulator-gearbot-key");
      String project = admin.findProject("nacc", "project-admin").orElseThrow().id();
      String file = new String(admin.downloadProjectFile(project, FILE), StandardCharsets.UTF_8);
      assertThat(file).startsWith("- authorizations:").contains("email: alex@alpha.example");

      flywheel.requestLog().clear();
      List<String> second = runInImage(flywheel, "second");
      assertThat(second.get(second.size() - 1)).as(String.join("\n", second)).isEqualTo("exit 0");
      assertThat(String.join("\n", second)).contains("0 writes");
      assertThat(
              flywheel.requestLog().entries().stream()
                  .filter(e -> e.isWrite() && e.path().startsWith("/api/")))
          .isEmpty();
    }
  }
}
