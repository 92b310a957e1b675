package fwgear.tools.pkg;

import java.nio.file.Path;

/**
 * What the image tests share: the builder of this machine (buildah with vfs and chroot, as in
 * gear.toml) and the local base image that {@code .ci/base-image.sh} builds.
 */
final class ImageTests {
  private ImageTests() {}

  static String baseImage() {
    String configured = System.getenv("BASE_IMAGE");
    return configured == null || configured.isBlank()
        ? "localhost/fwgear-base:bookworm-minbase"
        : configured;
  }

  static ImageRunner runner() throws java.io.IOException {
    return ImageRunner.detect(
        fwgear.tools.settings.RepositorySettings.load(Path.of("..").toAbsolutePath().normalize())
            .imageBuilder());
  }
}
