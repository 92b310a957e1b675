package project_app;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.json.LocatedDocument;
import fwgear.manifest.Manifest;
import fwgear.manifest.ManifestValidator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ManifestTest {
  static final Path MANIFEST = Path.of("src/docker/manifest.json");

  @Test
  void theManifestFollowsTheGearSpec() {
    assertThat(ManifestValidator.validate(LocatedDocument.readJson(MANIFEST, "manifest.json")))
        .isEmpty();
  }

  @Test
  void itDeclaresWhatRunReads() {
    Manifest manifest = Manifest.load(MANIFEST);

    assertThat(manifest.name()).isEqualTo("project-management");
    assertThat(manifest.command()).contains("/bin/run");
    assertThat(manifest.gearBuilderImage())
        .contains("naccdata/project-management:" + manifest.version());
    assertThat(manifest.inputs()).containsOnlyKeys("api-key", "project_file");
    assertThat(manifest.config())
        .containsOnlyKeys("dry_run", "admin_group", "new_only", "apikey_path_prefix");
    assertThat(manifest.config().get("admin_group").defaultValue())
        .hasValueSatisfying(value -> assertThat(value.asText()).isEqualTo("nacc"));
  }
}
