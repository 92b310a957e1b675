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
  void aSecondServerOnTheSameFolderIsRefusedWithAClearMessage() throws IOException {
    EmulatorOptions options = EmulatorOptions.inMemory().withDataDir(data);
    try (FlywheelEmulator first = FlywheelEmulator.start(options)) {
      assertThatThrownBy(() -> FlywheelEmulator.start(options))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot open the emulator database");
    }
  }
}
