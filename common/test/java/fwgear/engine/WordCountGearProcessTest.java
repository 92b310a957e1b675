package fwgear.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.context.GearFolder;
import fwgear.engine.sample.WordCountGear;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample gear started as a real process, as Flywheel starts a gear. */
class WordCountGearProcessTest {
  @TempDir Path dir;

  record Result(int exitCode, String output) {}

  private Result run(Path base, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(WordCountGear.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("FW_API_KEY");
    builder.environment().put("FLYWHEEL", base.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  @Test
  void aValidConfigRunsAndWritesItsOutput() throws Exception {
    Path base = GearFolder.create(dir.resolve("gear"), "config.valid.json");

    Result result = run(base);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(base.resolve("output/count.txt")).hasContent("5");
    assertThat(Files.readString(base.resolve("output/.metadata.json"))).contains("\"counted\"");
    assertThat(result.output())
        .containsPattern(
            "(?m)^\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} - INFO -"
                + " fwgear.engine.sample.WordCountGear\\] Counted 5 words for center alpha$")
        .doesNotContain("configjsonsecret123")
        // The gear runtime's own SLF4J provider, chosen quietly (no "SLF4J(I): ..." line).
        .doesNotContain("SLF4J");
  }

  @Test
  void aConfigWithAWrongTypeExitsTwoNamingTheKey() throws Exception {
    Path base = GearFolder.create(dir.resolve("gear"), "config.valid.json");
    Path config = base.resolve("config.json");
    Files.writeString(
        config, Files.readString(config).replace("\"speed\": 2", "\"speed\": \"two\""));

    Result result = run(base);

    assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
    assertThat(result.output())
        .contains(
            config
                + ":4: config.speed: config-value: expected an integer but got the string \"two\"")
        .contains("the gear did not run")
        .doesNotContain("\tat ")
        .doesNotContain("Counted");
    assertThat(base.resolve("output")).doesNotExist();
  }

  @Test
  void aGearErrorExitsOneWithOneLineAndAStackTraceOnlyWithDebug() throws Exception {
    Path base = GearFolder.create(dir.resolve("gear"), "config.valid.json");

    Result plain = run(base, "center=fail");
    Result debug = run(base, "center=fail", "--debug");

    assertThat(plain.exitCode()).isEqualTo(1);
    assertThat(plain.output())
        .contains("Error: center \"fail\" is not a known center")
        .doesNotContain("\tat ");
    assertThat(debug.exitCode()).isEqualTo(1);
    assertThat(debug.output())
        .contains("GearExecutionException")
        .contains("\tat ")
        // At DEBUG the caller's line follows the logger's name, as logback's %line.
        .containsPattern("- ERROR - fwgear.engine.GearEngine:\\d+\\] Error: center");
  }
}
