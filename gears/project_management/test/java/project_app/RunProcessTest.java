package project_app;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.flywheel.FlywheelClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gear as Flywheel starts it: {@code project_app.Run} in its own JVM, judged by exit code. */
class RunProcessTest {
  @TempDir Path temp;

  record Process(int exitCode, String output) {}

  static Process runGear(Path base) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "project_app.Run",
                "--gear-path",
                base.toString())
            .redirectErrorStream(true);
    builder.environment().remove("FW_API_KEY");
    java.lang.Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Process(process.exitValue(), output);
  }

  @Test
  void theWorkedExampleRunsAsAProcess() throws Exception {
    try (FlywheelEmulator flywheel = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      Path base =
          GearRun.prepare(temp, flywheel.apiKey(), WorkedExampleTest.WORKED_EXAMPLE, Map.of());

      Process result = runGear(base);

      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output())
          .contains("- INFO - fwgear.plan.Applier] Create group alpha (Alpha Center)")
          .contains("Created 4 groups and 18 projects")
          .doesNotContain(flywheel.apiKey().secret());
      assertThat(FlywheelClient.connect(flywheel.apiKey()).findProjects()).hasSize(18);
    }
  }

  @Test
  void aBadProjectFileExitsTwoNamingLineAndKey() throws Exception {
    Path yaml = temp.resolve("bad.yaml");
    Files.writeString(
        yaml,
        String.join(
            "\n",
            List.of(
                "project: P",
                "project-id: p",
                "centers:",
                "  - {name: A, center-id: a1, is-active: maybe, tags: []}",
                "datatypes: [form]",
                "published: false",
                "")));
    // No server: the file is checked before any connection is made.
    Path base =
        GearRun.prepare(
            temp.resolve("v0"),
            fwgear.flywheel.ApiKey.parse("127.0.0.1:9:never-used"),
            yaml,
            Map.of());

    Process result = runGear(base);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output())
        .contains("bad.yaml:4: centers.0.is-active: type: must be true or false, not 'maybe'")
        .doesNotContain("Exception");
  }
}
