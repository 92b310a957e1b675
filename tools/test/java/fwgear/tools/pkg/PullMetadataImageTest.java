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
 * pull_metadata as Flywheel runs a gear-bot gear: packaged into its image, run inside it with only
 * the manifest's environment and the AWS settings (key pair, region, SSM and S3 endpoints) against
 * the local Flywheel and its S3 endpoint; the center projects must get their rows.
 */
@Tag("image")
class PullMetadataImageTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path GEAR = ROOT.resolve("gears/pull_metadata");
  static ImageTests.PackagedGear gear;

  @TempDir Path runFolder;

  @BeforeAll
  static void packageTheGear() throws Exception {
    gear = ImageTests.packageGear("gears/pull_metadata");
  }

  @Test
  void splitsATableFromS3IntoTheCenterProjectsFromInsideItsImage() throws Exception {
    try (FlywheelEmulator flywheel = FlywheelEmulator.start(EmulatorOptions.inMemory().withS3(0))) {
      FlywheelClient admin = FlywheelClient.connect(flywheel.apiKey());
      for (String[] center : new String[][] {{"alpha", "adcid-12"}, {"beta", "adcid-7"}}) {
        admin.createGroup(center[0], center[0]);
        admin.addGroupTag(center[0], center[1]);
        admin.createProject(center[0], "metadata", "");
      }
      String table = "\uFEFFADCID,NOTE\r\n12,\"two\r\nlines\"\r\n7,x\r\n";
      flywheel
          .s3()
          .orElseThrow()
          .putObject(
              "nacc-metadata", "visits.csv", table.getBytes(StandardCharsets.UTF_8), "text/csv");

      Files.copy(GEAR.resolve("src/docker/manifest.json"), runFolder.resolve("manifest.json"));
      Files.createDirectories(runFolder.resolve("output"));
      ObjectMapper json = new ObjectMapper();
      ObjectNode root = json.createObjectNode();
      ObjectNode config = root.putObject("config");
      config
          .put("dry_run", false)
          .put("s3_param_path", "/prod/flywheel/gearbot/s3")
          .put("bucket_name", "nacc-metadata")
          .put("destination_label", "metadata")
          .putArray("table_list")
          .add("visits.csv");
      root.putObject("inputs");
      Files.writeString(runFolder.resolve("config.json"), json.writeValueAsString(root));

      List<String> log = new ArrayList<>();
      int exit = gear.run(runFolder, flywheel.awsEnvironment(), log::add);

      assertThat(exit).as(String.join("\n", log)).isZero();
      String alpha =
          new String(
              admin.downloadProjectFile(
                  admin.findProject("alpha", "metadata").orElseThrow().id(), "visits.csv"),
              StandardCharsets.UTF_8);
      assertThat(alpha).isEqualTo("\uFEFFADCID,NOTE\r\n12,\"two\r\nlines\"\r\n");
      assertThat(String.join("\n", log))
          .contains("Created 2 files")
          .doesNotContain(flywheel.awsCredentials().secretAccessKey());
    }
  }
}
