package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.Fixtures;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import fwgear.tools.settings.RepositorySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./gear package} of the Python/Pants monorepo fixture's {@code instructions=} image and of
 * its image that copies a {@code files()} glob, with buildah, from contexts the one build-context
 * rule makes. The pex binaries are stand-ins written under {@code dist/}, as {@code pants package}
 * would have left them (./gear builds deploy_jar binaries only).
 */
@Tag("image")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonorepoImagesTest {
  @TempDir static Path dir;
  static Path root;
  static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
  static final String PREFIX = "fwgear-test/monorepo-" + RUN_ID;
  static ImageBuilder builder;

  @BeforeAll
  static void repository() throws IOException {
    root = Fixtures.copy("monorepo", dir);
    Fixtures.replace(
        root,
        "pants.toml",
        "build_args = [\"BASE_IMAGE\"]",
        "build_args = [\"BASE_IMAGE=" + ImageTests.baseImage() + "\"]");
    Fixtures.replace(
        root,
        "pants.toml",
        "default_repository = \"naccdata/{name}\"",
        "default_repository = \"" + PREFIX + "-{name}\"");
    Files.writeString(
        root.resolve("pants.toml"),
        Files.readString(root.resolve("pants.toml"))
            + "\n[docker.buildah]\nstorage_driver = \"vfs\"\nisolation = \"chroot\"\n");
    for (String pex :
        List.of(
            "gear.attribute_curator.src.python.curator_app/bin.pex",
            "gear.form_qc.src.python.qc_app/bin.pex")) {
      Path file = root.resolve("dist").resolve(pex);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "#!/bin/sh\necho \"" + pex + "\"\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    builder = ImageBuilder.detect(RepositorySettings.load(root).imageBuilder());
  }

  @AfterAll
  static void removeImages() throws IOException {
    if (builder == null) {
      return;
    }
    for (String name : builder.localImages().keySet()) {
      if (name.startsWith(PREFIX)) {
        builder.remove(name);
      }
    }
  }

  static String packageImages() throws IOException {
    StringWriter out = new StringWriter();
    PackageService.Summary summary =
        new PackageService(
                Repository.load(root, System.getenv()),
                PackageService.Options.defaults(),
                new PrintWriter(out))
            .packageTargets(Specs.parse(List.of("gear/attribute_curator::", "gear/form_qc::")));
    assertThat(summary.failures()).as(out.toString()).isEmpty();
    return out.toString();
  }

  static List<String> contextFiles(String folder) throws IOException {
    Path context = root.resolve("dist/.gear/context").resolve(folder);
    try (Stream<Path> files = Files.walk(context)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> context.relativize(f).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  @Order(1)
  void theInstructionsImageAndTheFilesGlobImageBuild() throws IOException {
    String output = packageImages();

    assertThat(output)
        .contains(
            "gear/attribute_curator/src/docker:attribute-curator: built "
                + PREFIX
                + "-attribute-curator:2.0.0")
        .contains("gear/form_qc/src/docker:form-qc: built " + PREFIX + "-form-qc:0.3.1");
    assertThat(builder.localImages())
        .containsKeys(
            PREFIX + "-attribute-curator:2.0.0",
            PREFIX + "-attribute-curator:latest",
            PREFIX + "-form-qc:0.3.1");
    // The inline instructions are the Dockerfile, staged as Pants names it; never the BUILD file.
    assertThat(contextFiles("gear.attribute_curator.src.docker/attribute-curator"))
        .containsExactly(
            "gear.attribute_curator.src.python.curator_app/bin.pex",
            "gear/attribute_curator/src/docker/Dockerfile.attribute-curator",
            "gear/attribute_curator/src/docker/manifest.json");
    // The glob's files, its exclusion left out.
    assertThat(contextFiles("gear.form_qc.src.docker/form-qc"))
        .containsExactly(
            "gear.form_qc.src.python.qc_app/bin.pex",
            "gear/form_qc/src/docker/Dockerfile",
            "gear/form_qc/src/docker/ftld-rules.yaml",
            "gear/form_qc/src/docker/manifest.json",
            "gear/form_qc/src/docker/uds-rules.yaml");
  }

  @Test
  @Order(2)
  void aSecondPackageBuildsNothing() throws IOException {
    assertThat(packageImages()).doesNotContain(" built ").contains(": unchanged ");
  }
}
