package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.manifest.Manifest;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import fwgear.tools.settings.RepositorySettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gear of the repository, packaged into its image from its own Dockerfile: the image is
 * within the size target (a jlinked runtime on a small base, docs/package.md), and the gear starts
 * in it from its start-up archive, which the JVM is told it must use (an AOT cache that cannot be
 * mapped is then an error, not a silent slow start), up to its exit on a config problem. The start
 * time target is measured by bench/package.sh. Worked examples inside the image:
 * ProjectManagementImageTest (and CI step 30 for a new gear).
 */
@Tag("image")
class GearImagesTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final long MAX_IMAGE_BYTES = 150_000_000L;

  static Map<String, String> imageOfGear = new java.util.HashMap<>();

  @TempDir Path runFolder;

  static Stream<Gear> gears() {
    return Gears.of(Repository.load(ROOT, System.getenv())).all().stream();
  }

  @BeforeAll
  static void packageEveryGear() throws Exception {
    StringWriter out = new StringWriter();
    PackageService.Summary summary =
        new PackageService(
                Repository.load(ROOT, System.getenv()),
                PackageService.Options.defaults(),
                new PrintWriter(out))
            .packageTargets(Specs.parse(List.of("::")));
    assertThat(summary.failures()).as(out.toString()).isEmpty();
    for (ImagePackager.PackagedImage image : summary.images()) {
      imageOfGear.put(image.request().label(), image.request().imageNames().get(0));
    }
  }

  @ParameterizedTest
  @MethodSource("gears")
  void theImageIsWithinTheSizeTarget(Gear gear) throws Exception {
    String image = imageOfGear.get(gear.image().address().toString());
    assertThat(image).as("packaged " + gear.folder()).isNotNull();

    long size = ImageBuilder.detect(RepositorySettings.load(ROOT).imageBuilder()).size(image);

    assertThat(size).as(image + " (bytes)").isPositive().isLessThanOrEqualTo(MAX_IMAGE_BYTES);
  }

  @ParameterizedTest
  @MethodSource("gears")
  void theGearStartsFromItsStartUpArchiveAndStopsOnAConfigProblem(Gear gear) throws Exception {
    String image = imageOfGear.get(gear.image().address().toString());
    Manifest manifest = Manifest.load(ROOT.resolve(gear.manifestPath()));
    Files.copy(ROOT.resolve(gear.manifestPath()), runFolder.resolve("manifest.json"));
    Files.writeString(runFolder.resolve("config.json"), "{\"config\": {}, \"inputs\": {}}");
    String command = manifest.command().orElse("/flywheel/v0/run");
    String program = command.strip().split("\\s+")[0];
    // AOTMode=on (Java 24+) and -Xshare:on (a CDS archive) make an unusable archive an error.
    String strict =
        ("if [ -s %1$s.aot ]; then export JAVA_OPTS=-XX:AOTMode=on;"
                + " elif [ -s %1$s.jsa ]; then export JAVA_OPTS=-Xshare:on;"
                + " else echo 'no start-up archive beside %1$s'; exit 99; fi; %2$s")
            .formatted(program, command);
    List<String> log = new ArrayList<>();

    int exit =
        ImageTests.runner()
            .run(
                new ImageRunner.ImageRun(image, runFolder, manifest.environment(), strict),
                log::add);

    String output = String.join("\n", log);
    assertThat(exit).as(output).isEqualTo(2);
    assertThat(output)
        .contains("config.json")
        .contains("Invalid input")
        .doesNotContain("Exception")
        .doesNotContain("AOT cache")
        .doesNotContain("Unable to use shared archive");
  }
}
