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
  void badSettingsNameTheFileLineAndKey() {
    write(
        dir,
        "gear.toml",
        "# settings\n[docker]\ndefault_repository = 3\nbuilder = \"kaniko\"\n"
            + "[docker.registries.company]\ndefault = true\n[repository]\nignore = \"x\"\n");
    assertThatThrownBy(() -> RepositorySettings.load(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "gear.toml:3: docker.default_repository: settings-type: docker.default_repository must be a string")
        .hasMessageContaining(
            "gear.toml:4: docker.builder: settings-builder: builder must be docker, podman or buildah, not"
                + " 'kaniko'")
        .hasMessageContaining(
            "gear.toml:5: docker.registries.company.address: settings-registry: registry 'company' has no address")
        .hasMessageContaining(
            "gear.toml:8: repository.ignore: settings-type: repository.ignore must be a list of strings");
    write(dir, "gear.toml", "[docker\n");
    assertThatThrownBy(() -> RepositorySettings.load(dir))
        .hasMessageContaining("gear.toml:1: settings-syntax");
  }
}
