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
    assertThat(settings.imageBuilder().builder()).contains("buildah");
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
  void pantsTomlKeepsPantsOwnOptionsAndReadsItsGitignoreSwitch() {
    write(
        dir,
        "pants.toml",
        "[GLOBAL]\npants_version = \"2.32.0\"\npants_ignore_use_gitignore = false\n"
            + "[python]\ninterpreter_constraints = [\"==3.12.*\"]\n");
    RepositorySettings settings = RepositorySettings.load(dir);
    assertThat(settings.useGitignore()).isFalse();
  }

  @Test
  void buildahOptionsAreReadWithTheRest() {
    write(
        dir, "gear.toml", "[docker.buildah]\nstorage_driver = \"vfs\"\nisolation = \" chroot\"\n");
    RepositorySettings settings = RepositorySettings.load(dir);
    assertThat(settings.imageBuilder().storageDriver()).contains("vfs");
    assertThat(settings.imageBuilder().isolation()).contains("chroot");
    assertThat(settings.useGitignore()).isTrue();
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
    write(
        dir,
        "gear.toml",
        "[dokcer]\nbuilder = \"buildah\"\n[docker]\nbulider = \"buildah\"\n"
            + "[docker.buildah]\nstorage = \"vfs\"\n[docker.registries.x]\naddress = \"h\"\nport = 1\n");
    assertThatThrownBy(() -> RepositorySettings.load(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "gear.toml:1: dokcer: settings-unknown: unknown table [dokcer]; did you mean docker? known"
                + " tables: docker, repository")
        .hasMessageContaining(
            "gear.toml:4: docker.bulider: settings-unknown: unknown key docker.bulider; did you mean builder?"
                + " known keys of [docker]: default_repository, build_args, builder, registries,"
                + " buildah")
        .hasMessageContaining(
            "gear.toml:6: docker.buildah.storage: settings-unknown: unknown key docker.buildah.storage;")
        .hasMessageContaining(
            "gear.toml:9: docker.registries.x.port: settings-unknown: unknown key docker.registries.x.port;");
    write(dir, "gear.toml", "[docker\n");
    assertThatThrownBy(() -> RepositorySettings.load(dir))
        .hasMessageContaining("gear.toml:1: settings-syntax");
  }
}
