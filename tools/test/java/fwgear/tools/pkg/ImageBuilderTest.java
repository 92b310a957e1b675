package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.settings.BuilderSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageBuilderTest {
  @Test
  void readsTheStoreListingOfBuildahAndDocker() {
    Map<String, String> images =
        ImageBuilder.parseImages(
            List.of(
                "sha256:0bfd5e   localhost/naccdata/project-management:1.0.0",
                "sha256:aabf58   localhost/fwgear-base:bookworm-jre17",
                "sha256:123456 docker.io/library/debian:bookworm",
                "sha256:99 <none>:<none>"));

    assertThat(images)
        .containsExactly(
            Map.entry("naccdata/project-management:1.0.0", "0bfd5e"),
            Map.entry("fwgear-base:bookworm-jre17", "aabf58"),
            Map.entry("debian:bookworm", "123456"));
  }

  @Test
  void readsSizesAsBuildersPrintThem() {
    assertThat(ImageBuilder.parseSize("360 MB")).isEqualTo(360_000_000L);
    assertThat(ImageBuilder.parseSize("1.5 GB")).isEqualTo(1_500_000_000L);
    assertThat(ImageBuilder.parseSize("4096")).isEqualTo(4096L);
  }

  static final ImageBuilder.BuildRequest REQUEST =
      new ImageBuilder.BuildRequest(
          Path.of("/ctx"),
          Path.of("/ctx/gears/x/src/docker/Dockerfile"),
          List.of("naccdata/x:1.0.0", "naccdata/x:latest"),
          new java.util.LinkedHashMap<>(Map.of("BASE_IMAGE", "debian:bookworm-slim")),
          Optional.of("runtime"),
          List.of("linux/amd64"));

  @Test
  void theDockerBuildCommandIsAValue() {
    assertThat(
            ImageBuilder.buildCommand(
                ImageBuilder.Kind.DOCKER, BuilderSettings.defaults(), REQUEST, Path.of("/tmp/id")))
        .containsExactly(
            "docker",
            "build",
            "-f",
            "/ctx/gears/x/src/docker/Dockerfile",
            "-t",
            "naccdata/x:1.0.0",
            "-t",
            "naccdata/x:latest",
            "--build-arg",
            "BASE_IMAGE=debian:bookworm-slim",
            "--target",
            "runtime",
            "--platform",
            "linux/amd64",
            "--iidfile",
            "/tmp/id",
            "/ctx");
  }

  @Test
  void thePodmanBuildCommandCachesLayers() {
    assertThat(
            ImageBuilder.buildCommand(
                ImageBuilder.Kind.PODMAN, BuilderSettings.defaults(), REQUEST, Path.of("/tmp/id")))
        .containsExactly(
            "podman",
            "build",
            "--layers",
            "-f",
            "/ctx/gears/x/src/docker/Dockerfile",
            "-t",
            "naccdata/x:1.0.0",
            "-t",
            "naccdata/x:latest",
            "--build-arg",
            "BASE_IMAGE=debian:bookworm-slim",
            "--target",
            "runtime",
            "--platform",
            "linux/amd64",
            "--iidfile",
            "/tmp/id",
            "/ctx");
  }

  @Test
  void theBuildahBuildCommandTakesItsStorageDriverAndIsolation() {
    BuilderSettings vfs =
        new BuilderSettings(Optional.of("buildah"), Optional.of("vfs"), Optional.of("chroot"));
    assertThat(
            ImageBuilder.buildCommand(
                ImageBuilder.Kind.BUILDAH,
                vfs,
                new ImageBuilder.BuildRequest(
                    Path.of("/ctx"), Path.of("/ctx/D"), List.of("x:1"), Map.of()),
                Path.of("/tmp/id")))
        .containsExactly(
            "buildah",
            "--storage-driver",
            "vfs",
            "build",
            "--isolation",
            "chroot",
            "-f",
            "/ctx/D",
            "-t",
            "x:1",
            "--iidfile",
            "/tmp/id",
            "/ctx");
  }

  @Test
  void theArchiveCommandsAreValues() {
    Path tar = Path.of("/out/x.tar");
    assertThat(
            ImageBuilder.saveCommand(
                ImageBuilder.Kind.DOCKER,
                BuilderSettings.defaults(),
                "x:1",
                ImageBuilder.ArchiveFormat.DOCKER_ARCHIVE,
                tar))
        .containsExactly("docker", "save", "-o", "/out/x.tar", "x:1");
    assertThat(
            ImageBuilder.saveCommand(
                ImageBuilder.Kind.PODMAN,
                BuilderSettings.defaults(),
                "x:1",
                ImageBuilder.ArchiveFormat.OCI_ARCHIVE,
                tar))
        .containsExactly("podman", "save", "--format", "oci-archive", "-o", "/out/x.tar", "x:1");
    assertThat(
            ImageBuilder.saveCommand(
                ImageBuilder.Kind.BUILDAH,
                BuilderSettings.defaults(),
                "x:1",
                ImageBuilder.ArchiveFormat.DOCKER_ARCHIVE,
                tar))
        .containsExactly("buildah", "push", "--quiet", "x:1", "docker-archive:/out/x.tar:x:1");
  }

  @Test
  void namesBuildersAndFormats() {
    assertThat(ImageBuilder.Kind.named("Buildah")).contains(ImageBuilder.Kind.BUILDAH);
    assertThat(ImageBuilder.Kind.named("kaniko")).isEmpty();
    assertThat(ImageBuilder.ArchiveFormat.named("docker-archive"))
        .contains(ImageBuilder.ArchiveFormat.DOCKER_ARCHIVE);
    assertThat(ImageBuilder.ArchiveFormat.named("zip")).isEqualTo(Optional.empty());
  }
}
