package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageRunTest {
  @Test
  void theContainerGetsOnlyPathAndTheManifestEnvironmentAndRunsTheCommandWithBash() {
    ImageRunner.ImageRun run =
        new ImageRunner.ImageRun(
            "naccdata/x:1.0.0",
            Path.of("/tmp/run"),
            Map.of("FLYWHEEL", "/flywheel/v0"),
            "/bin/run");

    assertThat(run.containerCommand())
        .containsExactly(
            "/usr/bin/env",
            "-i",
            "PATH=" + ImageRunner.DEFAULT_PATH,
            "FLYWHEEL=/flywheel/v0",
            "bash",
            "-c",
            "/bin/run");
  }

  @Test
  void theManifestMayReplacePathAndWithoutACommandFlywheelRunsTheRunFile() {
    ImageRunner.ImageRun run =
        new ImageRunner.ImageRun(
            "x", Path.of("/tmp/run"), Map.of("PATH", "/opt/java/openjdk/bin:/usr/bin"), "  ");

    assertThat(run.containerEnvironment())
        .containsExactly(Map.entry("PATH", "/opt/java/openjdk/bin:/usr/bin"));
    assertThat(run.containerCommand()).endsWith("bash", "-c", "/flywheel/v0/run");
  }
}
