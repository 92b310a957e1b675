package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.manifest.Manifest;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

  /** A gear packaged for an image test: its image (the first name) and its manifest. */
  record PackagedGear(String image, Manifest manifest) {
    /**
     * Runs the gear in its image as Flywheel would: the run folder at /flywheel/v0, the manifest's
     * environment plus {@code environment}, the manifest's command; each output line to {@code
     * log}.
     */
    int run(Path runFolder, Map<String, String> environment, Consumer<String> log)
        throws java.io.IOException {
      Map<String, String> all = new LinkedHashMap<>(manifest.environment());
      all.putAll(environment);
      return runner()
          .run(
              new ImageRunner.ImageRun(image, runFolder, all, manifest.command().orElse(null)),
              log);
    }
  }

  /** Packages the gear in {@code folder} (e.g. {@code gears/pull_metadata}) into its one image. */
  static PackagedGear packageGear(String folder) throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    StringWriter out = new StringWriter();
    PackageService.Summary summary =
        new PackageService(
                Repository.load(root, System.getenv()),
                PackageService.Options.defaults(),
                new PrintWriter(out))
            .packageTargets(Specs.parse(List.of(folder + "::")));
    assertThat(summary.failures()).as(out.toString()).isEmpty();
    assertThat(summary.images()).hasSize(1);
    return new PackagedGear(
        summary.images().get(0).request().imageNames().get(0),
        Manifest.load(root.resolve(folder).resolve("src/docker/manifest.json")));
  }
}
