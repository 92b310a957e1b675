package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.tools.UsageException;
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

  @Test
  void aRepositoryFileCopiedIntoTheImageIsUsedAsItIs() {
    assertThat(LocalBinaries.forRepository(repo.root).locate(repo.gear()))
        .containsExactlyEntriesOf(
            java.util.Map.of("/bin/run", repo.root.resolve("gears/sample/src/sh/run.sh")));
  }

  @Test
  void aPackagedBinaryMapsToItsOutputUnderDistAndIsBuilt() throws IOException {
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
            repo.root, (gear, address, output, progress) -> built.add(address + " -> " + output));

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

    assertThat(LocalBinaries.forRepository(repo.root).locate(repo.gear()))
        .containsOnlyKeys("/flywheel/v0/run.sh", "/opt/app/run.sh");
  }

  @Test
  void withoutABuilderAMissingJarSaysHowToBuildIt() throws IOException {
    dockerfile("FROM x\nCOPY gears.sample.src.java.app/bin.jar /bin/run\n");

    assertThatThrownBy(
            () ->
                LocalBinaries.forRepository(repo.root)
                    .build(repo.gear(), new PrintWriter(new StringWriter())))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("./gear package gears/sample/src/java/app:bin");
  }
}
