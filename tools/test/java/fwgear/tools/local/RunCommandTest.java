package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  private static final String KEY = "127.0.0.1:8123:s3cr3t-k3y-value";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ApiKeySource KEYS =
      new ApiKeySource(Map.of(ApiKeySource.ENV_VAR, KEY), Optional::empty);

  @TempDir Path temp;
  FixtureRepository repo;
  Path runFolder;

  @BeforeEach
  void configureTheSampleGear() throws IOException {
    repo = FixtureRepository.copyTo(temp);
    runFolder = repo.root.resolve("tmp/gear/sample-gear_1.2.3");
    var configured = repo.configureSample(KEYS);
    assertThat(configured.exitCode()).as(configured.err()).isZero();
  }

  @Test
  void prepareOnlyLaysOutTheRunFolderAsFlywheelDoes() throws IOException {
    var result = repo.gear(KEYS, "run", "gears/sample", "--prepare-only");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().strip()).isEqualTo("tmp/gear/sample-gear_1.2.3");
    assertThat(runFolder.resolve("output")).isEmptyDirectory();
    assertThat(runFolder.resolve("work")).isEmptyDirectory();
    Path staged = runFolder.resolve("input/data_file/input.yaml");
    assertThat(staged).hasSameBinaryContentAs(repo.root.resolve("gears/sample/data/input.yaml"));
    assertThat(runFolder.resolve("manifest.json"))
        .hasSameBinaryContentAs(repo.root.resolve("gears/sample/src/docker/manifest.json"));
    assertThat(runFolder.resolve("run.sh")).isExecutable();
    // Nothing ran.
    assertThat(result.out()).doesNotContain("cwd=");
  }

  @Test
  void theStagedConfigPointsAtTheStagedFilesAndKeepsEverythingElse() throws IOException {
    repo.gear(KEYS, "run", "gears/sample", "--prepare-only");

    JsonNode staged = JSON.readTree(runFolder.resolve("config.json").toFile());
    JsonNode source = JSON.readTree(repo.configFile().toFile());
    assertThat(staged.at("/inputs/data_file/location/path").asText())
        .isEqualTo(runFolder.resolve("input/data_file/input.yaml").toString());
    assertThat(staged.get("config")).isEqualTo(source.get("config"));
    assertThat(staged.at("/inputs/api-key")).isEqualTo(source.at("/inputs/api-key"));
    assertThat(staged.at("/inputs/data_file/object"))
        .isEqualTo(source.at("/inputs/data_file/object"));
  }

  @Test
  void aSecondPreparationStartsFromAnEmptyFolder() throws IOException {
    repo.gear(KEYS, "run", "gears/sample", "--prepare-only");
    Files.writeString(runFolder.resolve("output/old-result.txt"), "old");
    Files.createDirectories(runFolder.resolve("input/gone"));

    repo.gear(KEYS, "run", "gears/sample", "--prepare-only");

    assertThat(runFolder.resolve("output")).isEmptyDirectory();
    try (Stream<Path> inputs = Files.list(runFolder.resolve("input"))) {
      assertThat(inputs.map(p -> p.getFileName().toString())).containsExactly("data_file");
    }
  }

  @Test
  void theGearRunsInItsFolderWithOnlyTheManifestsEnvironment() {
    var result = repo.gear(KEYS, "run", "gears/sample");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).contains("cwd=" + runFolder, "args=--flag");
    List<String> variables =
        lines.stream()
            .filter(line -> line.startsWith("env: "))
            .map(line -> line.substring(5, line.indexOf('=')))
            .toList();
    // bash itself adds PWD, SHLVL and _; nothing of this process's environment leaks in.
    assertThat(variables)
        .containsExactlyInAnyOrder("FLYWHEEL", "GREETING", "PATH", "PWD", "SHLVL", "_");
    assertThat(lines)
        .contains(
            "env: FLYWHEEL=" + runFolder,
            "env: GREETING=hello from the manifest",
            "env: PATH=" + LocalLaunch.DEFAULT_PATH);
    assertThat(result.err())
        .contains("a line on stderr")
        .contains("exited with code 0")
        .contains("output in tmp/gear/sample-gear_1.2.3/output: result.txt");
    assertThat(runFolder.resolve("output/result.txt")).hasContent("done");
  }

  @Test
  void argumentsAfterTheGearArePassedToItsCommand() throws IOException {
    var result = repo.gear(KEYS, "run", "gears/sample", "--", "dry_run=true", "two words");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("args=--flag dry_run=true two words");
  }

  @Test
  void theRunScriptRunsTheGearAgainAsRunDid() throws Exception {
    repo.gear(KEYS, "run", "gears/sample", "--prepare-only", "--", "two words");

    Process script =
        new ProcessBuilder("bash", runFolder.resolve("run.sh").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(script.getInputStream().readAllBytes());

    assertThat(script.waitFor()).isZero();
    assertThat(output)
        .contains("cwd=" + runFolder, "args=--flag two words", "env: GREETING=hello")
        .doesNotContain("env: HOME=");
  }

  @Test
  void theExitCodeIsTheGears() {
    repo.gear(KEYS, "config", "gears/sample", "-c", "exit_code=3");

    var result = repo.gear(KEYS, "run", "gears/sample");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("sample-gear exited with code 3");
  }

  @Test
  void anIncompleteConfigIsRefusedBeforeAnythingRuns() throws IOException {
    repo.gear(KEYS, "config", "gears/sample", "--new");

    var result = repo.gear(KEYS, "run", "gears/sample");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "inputs.api-key: input-required: the api-key input \"api-key\" has no key: Flywheel"
                + " provides it; locally set FW_API_KEY or use --api-key-file FILE (FW_API_KEY=..."
                + " ./gear config gears/sample -i api-key)")
        .contains(
            "inputs.data_file: input-required: the file input \"data_file\" is required (it is not"
                + " optional); locally pass data_file=FILE (./gear config gears/sample -i"
                + " data_file=PATH)");
    assertThat(runFolder).doesNotExist();
  }

  @Test
  void aMissingInputFileIsRefused() throws IOException {
    Files.delete(repo.root.resolve("gears/sample/data/input.yaml"));

    var result = repo.gear(KEYS, "run", "gears/sample");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "inputs.data_file: input-file-missing: file input \"data_file\": no such file"
                + " gears/sample/data/input.yaml (./gear config gears/sample -i data_file=PATH)");
  }

  @Test
  void theKeyNeverReachesTheOutput() {
    var result = repo.gear(KEYS, "run", "gears/sample");

    assertThat(result.out() + result.err()).doesNotContain("s3cr3t-k3y-value");
  }

  @Test
  void aHandEditedFileObjectTheGearWouldRefuseIsReportedBeforeItRuns() throws IOException {
    String edited = Files.readString(repo.configFile()).replace("\"source code\"", "\"dicom\"");
    Files.writeString(repo.configFile(), edited);

    var result = repo.gear(KEYS, "run", "gears/sample");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("data_file").contains("type").contains("dicom");
    assertThat(result.out()).doesNotContain("cwd=");
  }

  @Test
  void aHandEditedValueOfTheWrongTypeIsReportedAtItsLine() throws IOException {
    String edited =
        Files.readString(repo.configFile())
            .replace("\"speed\" : ", "\"speed\" : \"fast\", \"was\" : ");
    Files.writeString(repo.configFile(), edited);
    List<String> lines = Files.readAllLines(repo.configFile());
    int speedLine = 1;
    while (!lines.get(speedLine - 1).contains("\"speed\"")) {
      speedLine++;
    }

    var result = repo.gear(KEYS, "run", "gears/sample");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "config.json:"
                + speedLine
                + ": config.speed: config-value: expected an integer but got the string \"fast\""
                + " (./gear config gears/sample -c speed=...)");
    assertThat(runFolder).doesNotExist();
  }
}
