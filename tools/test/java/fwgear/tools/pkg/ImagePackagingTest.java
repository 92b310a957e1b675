package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import fwgear.tools.settings.RepositorySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./gear package} with the machine's real builder on a small repository: a docker_image
 * whose context holds a file target, built on the local base image. The tests run in order: each
 * starts from the state the previous one left (built, unchanged, deleted...).
 */
@Tag("image")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImagePackagingTest {
  @TempDir static Path repo;
  static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
  static final String REPOSITORY = "fwgear-test/hello-" + RUN_ID;

  /** The base the gear is built on: another name of the local base image, moved by a test. */
  static final String BASE = "fwgear-test/base-" + RUN_ID + ":1";

  static ImageBuilder builder;

  @BeforeAll
  static void repository() throws IOException {
    write(
        "gear.toml",
        """
        [docker]
        default_repository = "%s"
        build_args = ["BASE_IMAGE=%s"]
        [docker.buildah]
        storage_driver = "vfs"
        isolation = "chroot"
        """
            .formatted(REPOSITORY, BASE));
    write(
        "gears/hello/src/docker/BUILD",
        """
        file(name="greeting", source="greeting.txt")
        docker_image(name="hello", dependencies=[":greeting"], image_tags=["0.1.0", "latest"])
        """);
    write("gears/hello/src/docker/greeting.txt", "hello\n");
    write(
        "gears/hello/src/docker/Dockerfile",
        """
        ARG BASE_IMAGE=docker.io/library/debian:bookworm-slim
        FROM ${BASE_IMAGE}
        COPY gears/hello/src/docker/greeting.txt /greeting.txt
        """);
    builder = ImageBuilder.detect(RepositorySettings.load(repo).imageBuilder());
    builder.tag(ImageTests.baseImage(), BASE);
  }

  @AfterAll
  static void removeImages() throws IOException {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (var image : builder.localImages().entrySet()) {
      if (image.getKey().startsWith(REPOSITORY + ":") || image.getKey().equals(BASE)) {
        builder.remove(image.getKey());
        ids.add(image.getValue());
      }
    }
    // Names removed, the images they named go too (all but the shared base).
    ids.remove(builder.localImages().get(ImageTests.baseImage()));
    for (String id : ids) {
      if (builder.localImages().containsValue(id)) {
        continue;
      }
      try {
        builder.remove(id);
      } catch (ImageBuilder.BuilderException alreadyGone) {
        // removing the last name removed the image
      }
    }
  }

  static void write(String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  static String packageAll(PackageService.Options options) throws IOException {
    StringWriter out = new StringWriter();
    PackageService.Summary summary =
        new PackageService(Repository.load(repo, System.getenv()), options, new PrintWriter(out))
            .packageTargets(Specs.parse(List.of("::")));
    assertThat(summary.failures()).as(out.toString()).isEmpty();
    return out.toString();
  }

  @Test
  @Order(1)
  void buildsTheImageWithEveryTagFromAContextOfOnlyItsFiles() throws IOException {
    String output = packageAll(PackageService.Options.defaults());

    assertThat(output).contains("gears/hello/src/docker:hello: built " + REPOSITORY + ":0.1.0");
    assertThat(builder.localImages()).containsKeys(REPOSITORY + ":0.1.0", REPOSITORY + ":latest");
    Path context = repo.resolve("dist/.gear/context/gears.hello.src.docker/hello");
    try (var files = Files.walk(context)) {
      assertThat(files.filter(Files::isRegularFile).map(f -> context.relativize(f).toString()))
          .containsExactlyInAnyOrder(
              "gears/hello/src/docker/Dockerfile", "gears/hello/src/docker/greeting.txt");
    }
    assertThat(repo.resolve("dist/gears.hello.src.docker/hello.docker-info.json")).exists();
  }

  @Test
  @Order(2)
  void aSecondPackageWithNothingChangedBuildsNothing() throws IOException {
    String output = packageAll(PackageService.Options.defaults());

    assertThat(output.strip()).startsWith("gears/hello/src/docker:hello: unchanged");
  }

  @Test
  @Order(3)
  void anImageDeletedFromTheStoreIsBuiltAgain() throws IOException {
    builder.remove(REPOSITORY + ":latest");

    String output = packageAll(PackageService.Options.defaults());

    assertThat(output).contains("gears/hello/src/docker:hello: built");
    assertThat(builder.localImages()).containsKey(REPOSITORY + ":latest");
  }

  @Test
  @Order(4)
  void aChangedContextFileRebuildsAndTheArchiveIsWritten() throws IOException {
    String previous = builder.localImages().get(REPOSITORY + ":0.1.0");
    write("gears/hello/src/docker/greeting.txt", "hello again\n");
    Path archive = repo.resolve("out/hello.tar");

    String output =
        packageAll(
            new PackageService.Options(
                false,
                Optional.of(
                    new PackageService.Output(
                        ImageBuilder.ArchiveFormat.DOCKER_ARCHIVE, archive))));

    assertThat(output)
        .contains("gears/hello/src/docker:hello: built")
        .contains("wrote docker-archive");
    assertThat(builder.localImages())
        .as("the replaced image is removed")
        .doesNotContainValue(previous);
    assertThat(archive).isNotEmptyFile();
    CommandRunner.Result listing =
        CommandRunner.run(List.of("tar", "-tf", archive.toString()), null);
    assertThat(listing.output()).contains("manifest.json");
  }

  @Test
  @Order(5)
  void anUnchangedImageIsWrittenOutAsAnOciArchiveToo() throws IOException {
    Path archive = repo.resolve("out/hello.oci.tar");

    String output =
        packageAll(
            new PackageService.Options(
                false,
                Optional.of(
                    new PackageService.Output(ImageBuilder.ArchiveFormat.OCI_ARCHIVE, archive))));

    assertThat(output).contains("gears/hello/src/docker:hello: unchanged").contains("oci-archive");
    CommandRunner.Result listing =
        CommandRunner.run(List.of("tar", "-tf", archive.toString()), null);
    assertThat(listing.output()).contains("oci-layout").contains("index.json");
    // The archive is the image: the builder reads it back.
    CommandRunner.Result pulled =
        CommandRunner.run(
            List.of(
                "buildah", "--storage-driver", "vfs", "pull", "--quiet", "oci-archive:" + archive),
            null);
    assertThat(pulled.exitCode()).as(String.join("\n", pulled.output())).isZero();
    String id = pulled.output().get(pulled.output().size() - 1).strip();
    CommandRunner.Result inspected =
        CommandRunner.run(
            List.of("buildah", "--storage-driver", "vfs", "inspect", "--type", "image", id), null);
    assertThat(inspected.exitCode()).as(String.join("\n", inspected.output())).isZero();
  }

  @Test
  @Order(6)
  void aChangedBaseImageRebuilds() throws IOException {
    assertThat(packageAll(PackageService.Options.defaults())).contains("unchanged");
    // The base's name now points at another image (as after rebuilding the base).
    builder.tag(REPOSITORY + ":0.1.0", BASE);

    assertThat(packageAll(PackageService.Options.defaults())).contains("hello: built");
  }

  @Test
  @Order(7)
  void aFailedBuildNamesTheDockerfileLine() throws IOException {
    write(
        "gears/hello/src/docker/Dockerfile",
        """
        ARG BASE_IMAGE=docker.io/library/debian:bookworm-slim
        FROM ${BASE_IMAGE}
        COPY gears/hello/src/docker/greeting.txt /greeting.txt
        RUN echo checking && \\
            test -f /no-such-file
        """);
    StringWriter out = new StringWriter();

    PackageService.Summary summary =
        new PackageService(
                Repository.load(repo, System.getenv()),
                PackageService.Options.defaults(),
                new PrintWriter(out))
            .packageTargets(Specs.parse(List.of("::")));

    assertThat(summary.ok()).isFalse();
    assertThat(summary.failures().get(0))
        .startsWith(
            "gears/hello/src/docker:hello: the image build failed at"
                + " gears/hello/src/docker/Dockerfile:4: RUN echo checking && test -f /no-such-file");
  }
}
