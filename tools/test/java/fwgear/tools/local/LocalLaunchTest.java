package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalLaunchTest {
  private static final Path RUN = Path.of("/repo/tmp/gear/x_1");

  @Test
  void theBinaryPathOfTheImageBecomesTheLocalFile() {
    assertThat(
            LocalLaunch.localize(
                "/bin/run --verbose", Map.of("/bin/run", Path.of("/repo/dist/a.b/bin.jar")), RUN))
        .isEqualTo("/repo/dist/a.b/bin.jar --verbose");
  }

  @Test
  void onlyWholeWordsAreReplaced() {
    assertThat(
            LocalLaunch.localize(
                "/bin/runner /bin/run", Map.of("/bin/run", Path.of("/local/run")), RUN))
        .isEqualTo("/bin/runner /local/run");
  }

  @Test
  void pathsUnderTheFlywheelFolderBecomeTheRunFolder() {
    assertThat(LocalLaunch.localize("/flywheel/v0/run.sh --out=/flywheel/v0/output", Map.of(), RUN))
        .isEqualTo("/repo/tmp/gear/x_1/run.sh --out=/repo/tmp/gear/x_1/output");
    assertThat(LocalLaunch.localize("/flywheel/v01/x", Map.of(), RUN)).isEqualTo("/flywheel/v01/x");
  }

  @Test
  void aLocalPathWithSpacesIsQuoted() {
    assertThat(LocalLaunch.localize("/bin/run", Map.of("/bin/run", Path.of("/my repo/run")), RUN))
        .isEqualTo("'/my repo/run'");
  }

  @Test
  void theEnvironmentIsThePathTheManifestAndTheFolder() {
    GearLaunch launch =
        LocalLaunch.plan(
            "/bin/run",
            Map.of("FLYWHEEL", "/flywheel/v0", "LANG", "C.UTF-8"),
            new RunFolder(RUN),
            Map.of("/bin/run", Path.of("/local/run")));

    assertThat(launch.environment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "PATH", LocalLaunch.DEFAULT_PATH, "LANG", "C.UTF-8", "FLYWHEEL", RUN.toString()));
    assertThat(launch.workingDir()).isEqualTo(RUN);
    assertThat(launch.command()).endsWith("-c", "/local/run");
  }

  @Test
  void theManifestMaySetThePath() {
    GearLaunch launch =
        LocalLaunch.plan("run", Map.of("PATH", "/opt/bin:/bin"), new RunFolder(RUN), Map.of());

    assertThat(launch.environment()).containsEntry("PATH", "/opt/bin:/bin");
  }
}
