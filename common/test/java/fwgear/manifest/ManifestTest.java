package fwgear.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

  @Test
  void exposesTheManifestInItsOwnOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("manifest.json");
    Files.writeString(file, ManifestFixtures.text("valid.json"));

    Manifest manifest = Manifest.load(file);

    assertThat(manifest.name()).isEqualTo("sample-gear");
    assertThat(manifest.label()).isEqualTo("Sample gear");
    assertThat(manifest.version()).isEqualTo("1.2.0");
    assertThat(manifest.license()).isEqualTo("MPL-2.0");
    assertThat(manifest.command()).contains("/bin/run");
    assertThat(manifest.environment())
        .containsExactly(
            java.util.Map.entry("PATH", "/usr/bin:/bin"), java.util.Map.entry("LANG", "C.UTF-8"));
    assertThat(manifest.config().keySet())
        .containsExactly("debug", "speed", "ratio", "mode", "label", "tags", "apikey_path_prefix");
    assertThat(manifest.config().get("ratio").optional()).isTrue();
    assertThat(manifest.inputs().keySet())
        .containsExactly("text_file", "extra", "license_code", "api-key");
    InputSpec text = manifest.inputs().get("text_file");
    assertThat(text.base()).isEqualTo("file");
    assertThat(text.description()).contains("A text file");
    assertThat(text.directives().keySet()).containsExactly("type", "name");
    assertThat(manifest.inputs().get("extra").optional()).isTrue();
    assertThat(manifest.inputs().get("license_code").isContext()).isTrue();
    assertThat(manifest.inputs().get("api-key").isApiKey()).isTrue();
    assertThat(manifest.inputs().get("api-key").readOnly()).isTrue();
    assertThat(manifest.gearBuilderImage()).contains("naccdata/sample-gear:1.2.0");
    assertThat(manifest.value("custom.flywheel.suite").map(n -> n.asText())).contains("Utility");
    assertThat(manifest.capabilities()).containsExactly("networking");
    assertThat(manifest.warnings()).isEmpty();
  }

  @Test
  void loadingABrokenManifestThrowsEveryProblem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("manifest.json");
    Files.writeString(file, ManifestFixtures.text("broken.json"));

    assertThatThrownBy(() -> Manifest.load(file, "gears/x/src/docker/manifest.json"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.problems()).hasSize(16);
              assertThat(e.problems())
                  .allMatch(p -> p.file().equals("gears/x/src/docker/manifest.json"));
              assertThat(e.getMessage())
                  .contains("gears/x/src/docker/manifest.json:2: name: manifest-name-pattern:");
            });
  }

  @Test
  void aMissingOrUnparsableManifestIsInvalidInput(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Manifest.load(dir.resolve("manifest.json")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems()).extracting(Problem::rule).containsExactly("file-missing"));
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\n  \"name\": \n}");
    assertThatThrownBy(() -> Manifest.load(bad))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems()).extracting(Problem::line).containsExactly(3));
  }
}
