package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State kept under the data folder survives a restart; the seed is applied once. */
class PersistenceTest {
  @TempDir Path data;

  @Test
  void groupsProjectsAndFilesSurviveARestart() throws IOException {
    EmulatorOptions options = EmulatorOptions.inMemory().withDataDir(data);
    String projectId;
    try (FlywheelEmulator first = FlywheelEmulator.start(options)) {
      FlywheelClient client = FlywheelClient.connect(first.apiKey());
      client.createGroup("kept", "Kept");
      projectId = client.createProject("kept", "ingest-form", "kept across restarts");
      client.addProjectTag(projectId, "durable");
      client.uploadProjectFile(
          projectId, "a.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    try (FlywheelEmulator second = FlywheelEmulator.start(options)) {
      assertThat(second.seeded()).isFalse();
      FlywheelClient client = FlywheelClient.connect(second.apiKey());
      Project project = client.findProject("kept", "ingest-form").orElseThrow();
      assertThat(project.id()).isEqualTo(projectId);
      assertThat(project.description()).isEqualTo("kept across restarts");
      assertThat(project.tags()).containsExactly("durable");
      assertThat(client.downloadProjectFile(projectId, "a.txt"))
          .asString(StandardCharsets.UTF_8)
          .isEqualTo("hello");
      // The seed was not applied a second time: still one nacc group, four roles.
      assertThat(client.findGroups("_id=nacc")).hasSize(1);
      assertThat(client.roles()).hasSize(4);
    }
  }

  @Test
  void deletingAFileGivesItsBytesBack() throws Exception {
    try (FlywheelEmulator server =
        FlywheelEmulator.start(EmulatorOptions.inMemory().withDataDir(data))) {
      FlywheelClient client = FlywheelClient.connect(server.apiKey());
      String projectId = client.createProject("nacc", "files", null);
      Store.Usage empty = server.store().usage();
      byte[] big = new byte[4 << 20];
      new java.util.Random(1).nextBytes(big);
      client.uploadProjectFile(projectId, "big.bin", big, "application/octet-stream");
      client.uploadProjectFile(projectId, "big.bin", big, "application/octet-stream");
      Store.Usage replaced = server.store().usage();
      assertThat(replaced.blobs()).as("a replaced file's bytes are deleted").isEqualTo(1);
      assertThat(replaced.blobBytes()).isEqualTo(big.length);

      java.net.http.HttpResponse<String> deleted =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          server.baseUrl().resolve("/api/projects/" + projectId + "/files/big.bin"))
                      .header("Authorization", "scitran-user " + server.apiKey().reveal())
                      .DELETE()
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(deleted.statusCode()).isEqualTo(200);

      Store.Usage after = server.store().usage();
      assertThat(after.blobs()).isZero();
      assertThat(after.freePages()).as("pages given back, not kept free").isZero();
      assertThat(after.pages())
          .isLessThan(replaced.pages() - 900)
          .isLessThanOrEqualTo(empty.pages() + 2);
    }
  }

  @Test
  void noFileOfTheDataFolderHoldsAKeyInPlaintext() throws IOException {
    Path folder = data.resolve("secrets");
    try (FlywheelEmulator server =
        FlywheelEmulator.start(EmulatorOptions.inMemory().withDataDir(folder))) {
      FlywheelClient.connect(server.apiKey()).createGroup("x2", "X");
      // The database with its WAL as it is while the server runs, then after a clean close.
      assertNoSecretIn(folder);
    }
    assertNoSecretIn(folder);
  }

  /** The seed's API keys are stored hashed, the gear bot's SSM key encrypted. */
  private static void assertNoSecretIn(Path folder) throws IOException {
    try (var files = java.nio.file.Files.list(folder)) {
      for (Path file : files.toList()) {
        String bytes =
            new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(bytes)
            .as(file.toString())
            .doesNotContain("emulator-gearbot-key", "emulator-admin-key", "emulator-curator-key");
      }
    }
  }

  @Test
  void theDataFolderAndItsFilesArePrivate() throws IOException {
    Path folder = data.resolve("emulator");
    try (FlywheelEmulator server =
        FlywheelEmulator.start(EmulatorOptions.inMemory().withDataDir(folder))) {
      FlywheelClient.connect(server.apiKey()).createGroup("x1", "X");
      assertThat(java.nio.file.Files.getPosixFilePermissions(folder))
          .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
      try (var files = java.nio.file.Files.list(folder)) {
        for (Path file : files.toList()) {
          assertThat(java.nio.file.Files.getPosixFilePermissions(file))
              .as(file.toString())
              .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
      }
    }
  }

  @Test
  void aSecondServerOnTheSameFolderIsRefusedWithAClearMessage() throws IOException {
    EmulatorOptions options = EmulatorOptions.inMemory().withDataDir(data);
    try (FlywheelEmulator first = FlywheelEmulator.start(options)) {
      assertThatThrownBy(() -> FlywheelEmulator.start(options))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot open the emulator database");
    }
  }
}
