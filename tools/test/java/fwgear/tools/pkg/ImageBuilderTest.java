package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void namesBuildersAndFormats() {
    assertThat(ImageBuilder.Kind.named("Buildah")).contains(ImageBuilder.Kind.BUILDAH);
    assertThat(ImageBuilder.Kind.named("kaniko")).isEmpty();
    assertThat(ImageBuilder.ArchiveFormat.named("docker-archive"))
        .contains(ImageBuilder.ArchiveFormat.DOCKER_ARCHIVE);
    assertThat(ImageBuilder.ArchiveFormat.named("zip")).isEqualTo(Optional.empty());
  }
}
