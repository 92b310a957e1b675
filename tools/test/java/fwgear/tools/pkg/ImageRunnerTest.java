package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs commands inside the local base image with the machine's builder (buildah in CI). */
@Tag("image")
class ImageRunnerTest {
  static final String BASE_IMAGE = ImageTests.baseImage();

  @TempDir Path runFolder;

  @Test
  void runsTheCommandInTheMountedFolderWithOnlyTheManifestEnvironment() throws Exception {
    Files.writeString(runFolder.resolve("config.json"), "{}");
    List<String> output = new ArrayList<>();

    int exit =
        ImageTests.runner()
            .run(
                new ImageRunner.ImageRun(
                    BASE_IMAGE,
                    runFolder,
                    Map.of("FLYWHEEL", "/flywheel/v0"),
                    "pwd; ls; env | sort; touch output.txt"),
                output::add);

    assertThat(exit).isZero();
    assertThat(output)
        .startsWith("/flywheel/v0")
        .contains("config.json", "FLYWHEEL=/flywheel/v0", "PATH=" + ImageRunner.DEFAULT_PATH);
    // The image sets JAVA_HOME with ENV; Flywheel does not pass it on, and neither do we.
    assertThat(output).noneMatch(line -> line.startsWith("JAVA_HOME="));
    assertThat(runFolder.resolve("output.txt")).exists();
  }

  @Test
  void runsTheDefaultRunFileAndReturnsItsExitCode() throws Exception {
    Path run = runFolder.resolve("run");
    Files.writeString(run, "#!/bin/sh\necho from run\nexit 3\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> output = new ArrayList<>();

    int exit =
        ImageTests.runner()
            .run(
                new ImageRunner.ImageRun(BASE_IMAGE, runFolder, Map.of(), (String) null),
                output::add);

    assertThat(exit).isEqualTo(3);
    assertThat(output).contains("from run");
  }
}
