package fwgear.tools.validate;

import static fwgear.tools.Fixtures.replace;
import static fwgear.tools.validate.ValidateTestSupport.JAVA_MANIFEST;
import static fwgear.tools.validate.ValidateTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestRulesTest {
  @TempDir Path dir;

  @Test
  void gearSpecRulesAreCheckedWithTheirLines() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        JAVA_MANIFEST,
        "\"license\": \"MPL-2.0\"",
        "\"license\": \"mit\", \"colour\": \"red\"");

    assertThat(problems(root))
        .anyMatch(
            p ->
                p.startsWith(
                    JAVA_MANIFEST + ":8: colour: manifest-unknown-key: unknown key \"colour\""))
        .anyMatch(p -> p.startsWith(JAVA_MANIFEST + ":8: ") && p.contains("mit"));
  }

  @Test
  void anUnparseableManifestIsOneProblemAndTheOtherRulesStillRun() {
    Path root = Fixtures.copy("java", dir);
    replace(root, JAVA_MANIFEST, "\"version\": \"0.0.1\",", "\"version\": \"0.0.1\"");

    assertThat(problems(root))
        .singleElement()
        .asString()
        .startsWith(JAVA_MANIFEST + ":6: manifest-syntax: column");
  }

  @Test
  void aMissingManifestIsReportedAndTheOtherRulesStillRun() throws Exception {
    Path root = Fixtures.copy("java", dir);
    java.nio.file.Files.delete(root.resolve(JAVA_MANIFEST));
    replace(root, "gears/project_management/src/docker/.gitignore", "config.json", "x");

    assertThat(problems(root))
        .containsExactly(
            "gears/project_management/src/docker/.gitignore: gitignore-config: does not make git"
                + " ignore config.json, which holds an API key when the gear runs locally (add"
                + " config.json)",
            JAVA_MANIFEST + ": manifest-file-missing: file not found");
  }
}
