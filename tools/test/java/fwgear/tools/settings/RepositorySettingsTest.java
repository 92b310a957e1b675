package fwgear.tools.settings;

import static fwgear.tools.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.problem.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositorySettingsTest {
  @TempDir Path dir;

  @Test
  void gearTomlWinsOverPantsToml() {
    write(dir, "pants.toml", "[docker]\ndefault_repository = \"pants/{name}\"\n");
    write(
        dir,
        "gear.toml",
        """
        [docker]
        default_repository = "gear/{name}"
        build_args = ["A=1", "B"]
        builder = "buildah"
        [repository]
        ignore = ["scratch"]
        """);

    RepositorySettings settings = RepositorySettings.load(dir);

    assertThat(settings.file()).contains("gear.toml");
    assertThat(settings.defaultRepository()).isEqualTo("gear/{name}");
    assertThat(settings.buildArgs()).containsExactly("A=1", "B");
    assertThat(settings.builder()).contains("buildah");
    assertThat(settings.ignore()).containsExactly("scratch");
  }

  @Test
  void readsPantsTomlWithItsAddListsAndRegistries() {
    write(
        dir,
        "pants.toml",
        """
        [GLOBAL]
        pants_ignore.add = ["bin/"]
        [docker]
        default_repository = "naccdata/{name}"
        build_args.add = ["X=1"]
        [docker.registries.ecr]
        address = "1.dkr.ecr.aws:443"
        default = true
        """);

    RepositorySettings settings = RepositorySettings.load(dir);

    assertThat(settings.file()).contains("pants.toml");
    assertThat(settings.buildArgs()).containsExactly("X=1");
    assertThat(settings.ignore()).containsExactly("bin/");
    assertThat(settings.defaultRegistries())
        .singleElement()
        .satisfies(r -> assertThat(r.address()).isEqualTo("1.dkr.ecr.aws:443"));
  }

  @Test
  void noSettingsFileGivesTheDefaults() {
    assertThat(RepositorySettings.load(dir).defaultRepository()).isEqualTo("{name}");
  }

  @Test
  void badSettingsNameTheFileAndKey() {
    write(dir, "gear.toml", "[docker]\ndefault_repository = 3\nbuilder = \"kaniko\"\n");
    assertThatThrownBy(() -> RepositorySettings.load(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("gear.toml: settings-type: default_repository must be a string")
        .hasMessageContaining("builder must be docker, podman or buildah, not 'kaniko'");
    write(dir, "gear.toml", "[docker\n");
    assertThatThrownBy(() -> RepositorySettings.load(dir))
        .hasMessageContaining("gear.toml:1: settings-syntax");
  }
}
