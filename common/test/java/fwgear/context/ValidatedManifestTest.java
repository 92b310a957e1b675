package fwgear.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.manifest.Manifest;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image build records the manifest it checked; a start that reads the same bytes skips the
 * schema pass and reports the same problems; any other manifest is checked in full.
 */
class ValidatedManifestTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty(ValidatedManifest.RECORD);
    System.clearProperty(ValidatedManifest.VALIDATED);
  }

  @Test
  void aManifestTheSchemaAcceptsIsRecordedAndTrustedWithTheSameProblems() throws IOException {
    Path manifest = write("manifest.json", GearFolder.resource("manifest.json"));
    Path copy = dir.resolve("run.manifest");
    System.setProperty(ValidatedManifest.RECORD, copy.toString());
    List<Problem> full = ValidatedManifest.load(manifest).warnings();
    assertThat(copy).hasSameBinaryContentAs(manifest);
    System.clearProperty(ValidatedManifest.RECORD);

    System.setProperty(ValidatedManifest.VALIDATED, copy.toString());
    Manifest trusted = ValidatedManifest.load(manifest);
    assertThat(trusted.warnings()).isEqualTo(full);
    assertThat(trusted.config()).isEqualTo(Manifest.load(manifest).config());
  }

  @Test
  void aManifestWithProblemsIsNotRecorded() throws IOException {
    Path manifest = write("manifest.json", broken());
    Path copy = dir.resolve("run.manifest");
    System.setProperty(ValidatedManifest.RECORD, copy.toString());
    assertThatThrownBy(() -> ValidatedManifest.load(manifest))
        .isInstanceOf(InvalidInputException.class);
    assertThat(copy).doesNotExist();
  }

  @Test
  void anyOtherManifestIsCheckedInFullWithEveryProblemAsBefore() throws IOException {
    Path copy = write("run.manifest", GearFolder.resource("manifest.json"));
    System.setProperty(ValidatedManifest.VALIDATED, copy.toString());
    Path manifest = write("manifest.json", broken());
    List<Problem> trustedPath = problems(() -> ValidatedManifest.load(manifest));
    System.clearProperty(ValidatedManifest.VALIDATED);
    List<Problem> fullPath = problems(() -> Manifest.load(manifest));
    assertThat(trustedPath).isNotEmpty().isEqualTo(fullPath);
    // The schema's findings (a wrong type, an unknown key) are among them.
    assertThat(trustedPath)
        .extracting(Problem::rule)
        .contains("manifest-type", "manifest-unknown-key");
  }

  private static String broken() {
    // The test manifest with a version that is not a string and a key the spec does not know.
    return GearFolder.resource("manifest.json")
        .replaceFirst("\"version\"\\s*:\\s*\"[^\"]*\"", "\"version\": 1, \"homepage\": \"x\"");
  }

  private static List<Problem> problems(Runnable load) {
    try {
      load.run();
      return List.of();
    } catch (InvalidInputException e) {
      return e.problems();
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
