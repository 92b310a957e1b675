package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBinariesTest {
  @TempDir Path temp;
  FixtureRepository repo;

  @BeforeEach
  void copyFixture() throws IOException {
    repo = FixtureRepository.copyTo(temp);
  }

  private void dockerfile(String text) throws IOException {
    Files.writeString(repo.root.resolve("gears/sample/src/docker/Dockerfile"), text);
  }

  private static final LocalBinaries NOT_BUILDING =
      new LocalBinaries(
          (gear, binary, output, progress) -> {
            throw new AssertionError("nothing to build");
          });

  @Test
  void aRepositoryFileCopiedIntoTheImageIsUsedAsItIs() {
    assertThat(NOT_BUILDING.locate(repo.gear()))
        .containsExactlyEntriesOf(
            java.util.Map.of("/bin/run", repo.root.resolve("gears/sample/src/sh/run.sh")));
  }

  @Test
  void aPackagedBinaryMapsToItsOutputUnderDistAndIsBuilt() throws IOException {
    Path app = repo.root.resolve("gears/sample/src/java/sample_app");
    Files.createDirectories(app);
    Files.writeString(app.resolve("BUILD"), "deploy_jar(name=\"bin\", main=\"sample_app.Run\")\n");
    Files.writeString(
        repo.root.resolve("gears/sample/src/docker/BUILD"),
        "file(name=\"manifest\", source=\"manifest.json\")\n"
            + "docker_image(name=\"sample-gear\", dependencies=[\":manifest\","
            + " \"gears/sample/src/java/sample_app:bin\"], image_tags=[\"1.2.3\"])\n");
    dockerfile(
        """
        FROM eclipse-temurin:17-jre
        ENV BASE_DIR=/flywheel/v0
        WORKDIR ${BASE_DIR}
        COPY gears/sample/src/docker/manifest.json ${BASE_DIR}
        COPY gears.sample.src.java.sample_app/bin.jar \\
             /bin/run
        """);
    List<String> built = new ArrayList<>();
    LocalBinaries binaries =
        new LocalBinaries(
            (gear, binary, output, progress) -> built.add(binary.address() + " -> " + output));

    var located = binaries.build(repo.gear(), new PrintWriter(new StringWriter()));

    Path jar = repo.root.resolve("dist/gears.sample.src.java.sample_app/bin.jar");
    assertThat(located).containsExactlyEntriesOf(java.util.Map.of("/bin/run", jar));
    assertThat(built).containsExactly("gears/sample/src/java/sample_app:bin -> " + jar);
  }

  @Test
  void relativeAndFolderDestinationsFollowWorkdirAndVariables() throws IOException {
    dockerfile(
        """
        FROM x
        ARG APP=/opt/app
        WORKDIR /flywheel/v0
        COPY gears/sample/src/sh/run.sh ./
        COPY gears/sample/src/sh/run.sh ${APP}/
        """);

    assertThat(NOT_BUILDING.locate(repo.gear()))
        .containsOnlyKeys("/flywheel/v0/run.sh", "/opt/app/run.sh");
  }
}
