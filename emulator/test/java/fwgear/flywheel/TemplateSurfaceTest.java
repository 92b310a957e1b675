package fwgear.flywheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.Fault;
import fwgear.emulator.FlywheelEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client surface push_template needs, against the local server: gear rules, project settings
 * (viewer apps), role assignments, description, files with their hash and type, gears by name.
 */
class TemplateSurfaceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ClientOptions FAST =
      ClientOptions.defaults()
          .withMaxAttempts(4)
          .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));

  private FlywheelEmulator server;
  private FlywheelClient client;
  private String project;
  private Gear echo;

  @BeforeEach
  void start() throws IOException {
    server = FlywheelEmulator.start(EmulatorOptions.inMemory());
    client = FlywheelClient.connect(server.apiKey(), FAST);
    client.createGroup("center-one", "Center One");
    project = client.createProject("center-one", "ingest-form", null);
    echo = client.lookupGear("echo").orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GearRule rule(String name, String fileType) {
    return new GearRule(
        null,
        null,
        echo.id(),
        null,
        name,
        null,
        List.of(),
        false,
        List.of(),
        List.of(new GearRule.Condition("file.type", fileType, null)),
        List.of(),
        false,
        null,
        null,
        null);
  }

  @Test
  void rulesAreAddedListedModifiedAndDeleted() {
    GearRule added = client.addProjectRule(project, rule("form-qc", "tabular data"));

    assertThat(added.id()).isNotBlank();
    assertThat(added.projectId()).isEqualTo(project);
    assertThat(client.projectRules(project)).extracting(GearRule::name).containsExactly("form-qc");

    GearRule changed =
        client.modifyProjectRule(project, added.id(), rule("form-qc", "source code"));
    assertThat(changed.id()).isEqualTo(added.id());
    assertThat(changed.all())
        .containsExactly(new GearRule.Condition("file.type", "source code", null));

    client.deleteProjectRule(project, added.id());
    assertThat(client.projectRules(project)).isEmpty();
    // Gone already: deleting again is not an error (a retry after a lost answer sees this).
    client.deleteProjectRule(project, added.id());
  }

  @Test
  void aRuleIsCheckedAsFlywheelChecksIt() {
    GearRule noCondition =
        new GearRule(
            null, null, echo.id(), null, "none", null, null, false, null, null, null, false, null,
            null, null);
    assertThatThrownBy(() -> client.addProjectRule(project, noCondition))
        .isInstanceOfSatisfying(
            FlywheelException.class, e -> assertThat(e.status()).isEqualTo(400));

    GearRule unknownGear = rule("x", "text").asInput(null, List.of());
    GearRule withBadGear =
        new GearRule(
            null,
            null,
            "000000000000000000000000",
            null,
            "x",
            null,
            null,
            false,
            null,
            unknownGear.all(),
            null,
            false,
            null,
            null,
            null);
    assertThatThrownBy(() -> client.addProjectRule(project, withBadGear))
        .isInstanceOfSatisfying(
            FlywheelException.class, e -> assertThat(e.status()).isEqualTo(404));

    ObjectNode config = JSON.createObjectNode().put("no_such_key", 1);
    GearRule badConfig =
        new GearRule(
            null,
            null,
            echo.id(),
            null,
            "x",
            config,
            null,
            false,
            null,
            unknownGear.all(),
            null,
            false,
            null,
            null,
            null);
    assertThatThrownBy(() -> client.addProjectRule(project, badConfig))
        .isInstanceOfSatisfying(
            FlywheelException.class, e -> assertThat(e.status()).isEqualTo(422));

    GearRule fixedMissing =
        new GearRule(
            null,
            null,
            echo.id(),
            null,
            "x",
            null,
            List.of(new GearRule.FixedInput("project", project, "absent.json", "input_file", null)),
            false,
            null,
            unknownGear.all(),
            null,
            false,
            null,
            null,
            null);
    assertThatThrownBy(() -> client.addProjectRule(project, fixedMissing))
        .isInstanceOfSatisfying(
            FlywheelException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void aRuleWhoseAnswerIsLostIsAddedOnce() {
    server.addFault(
        Fault.always("POST", "/api/projects/[0-9a-f]+/rules", 503).whenDone().limitedTo(1));

    GearRule added = client.addProjectRule(project, rule("lost", "text"));

    assertThat(client.projectRules(project)).extracting(GearRule::id).containsExactly(added.id());
    assertThat(server.requestLog().count("POST", "/api/projects/[0-9a-f]+/rules")).isEqualTo(1);
  }

  @Test
  void aDeleteWhoseAnswerIsLostIsDone() {
    GearRule added = client.addProjectRule(project, rule("doomed", "text"));
    server.addFault(
        Fault.always("DELETE", "/api/projects/[0-9a-f]+/rules/[0-9a-f]+", 503)
            .whenDone()
            .limitedTo(1));

    client.deleteProjectRule(project, added.id());

    assertThat(client.projectRules(project)).isEmpty();
  }

  @Test
  void fixedInputsNameAFileOfTheProject() {
    client.uploadProjectFile(
        project, "qc-config.json", "{}".getBytes(StandardCharsets.UTF_8), null);
    GearRule withFile =
        new GearRule(
            null,
            null,
            echo.id(),
            null,
            "with-file",
            null,
            List.of(
                new GearRule.FixedInput("project", project, "qc-config.json", "input_file", null)),
            false,
            null,
            rule("x", "text").all(),
            null,
            false,
            null,
            null,
            null);

    GearRule added = client.addProjectRule(project, withFile);

    assertThat(added.fixedInputs())
        .containsExactly(
            new GearRule.FixedInput("project", project, "qc-config.json", "input_file", 1));
  }

  @Test
  void viewerAppsAreReplacedAndOtherSettingsStay() throws IOException {
    assertThat(client.projectViewerApps(project)).isEmpty();
    ViewerApp app =
        ViewerApp.of(
            JSON.readTree("{\"name\": \"ohif\", \"type\": \"viewer\", \"url\": \"/ohif\"}"));

    client.setProjectViewerApps(project, List.of(app));

    assertThat(client.projectViewerApps(project)).containsExactly(app);
    assertThat(client.projectSettings(project).has("viewer_apps")).isTrue();
    client.setProjectViewerApps(project, List.of());
    assertThat(client.projectViewerApps(project)).isEmpty();
  }

  @Test
  void filesCarryFlywheelsHashAndType() {
    byte[] content = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);

    FileEntry stored = client.uploadProjectFile(project, "settings.json", content, null);
    FileEntry same = client.uploadProjectFile(project, "settings.json", content, null);
    FileEntry table =
        client.uploadProjectFile(
            project, "t.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8), "text/csv");

    assertThat(stored.hash()).matches("v0-sha384-[0-9a-f]{96}");
    assertThat(same.hash()).isEqualTo(stored.hash());
    assertThat(stored.type()).isEqualTo("source code");
    assertThat(stored.mimetype()).isEqualTo("application/json");
    assertThat(table.type()).isEqualTo("tabular data");
    assertThat(
            client.projectFileInfo(project, "settings.json").sameAs("settings.json", stored.hash()))
        .isTrue();
    assertThat(client.downloadProjectFile(project, "settings.json")).isEqualTo(content);
  }

  @Test
  void roleAssignmentsAndDescription() {
    Role curate = client.findRole("curate").orElseThrow();
    Role upload = client.findRole("upload").orElseThrow();

    client.addProjectPermission(
        project, new RolePermission("reader@nacc.example", List.of(curate.id())));
    client.updateProjectPermission(
        project, "reader@nacc.example", List.of(curate.id(), upload.id()));
    client.setProjectDescription(project, "Center One's form ingest");

    Project read = client.getProject(project);
    assertThat(read.permissionOf("reader@nacc.example").orElseThrow().roleIds())
        .containsExactly(curate.id(), upload.id());
    assertThat(read.description()).isEqualTo("Center One's form ingest");
  }

  @Test
  void gearsByIdAndByName() {
    assertThat(client.getGear(echo.id()).name()).isEqualTo("echo");
    assertThat(client.lookupGear("echo", "1.0.0")).map(Gear::id).contains(echo.id());
    assertThat(client.lookupGear("echo", "9.9.9")).isEmpty();
    assertThat(client.lookupGear("no-such-gear")).isEmpty();
    assertThat(client.findGears()).extracting(Gear::name).contains("echo");
    assertThat(client.siteConfig().site().redirectUrl()).isEqualTo(server.baseUrl().toString());
  }

  @Test
  void anUploadWhoseAnswerIsLostIsNotSentAgain() {
    server.addFault(
        Fault.always("POST", "/api/projects/[0-9a-f]+/files", 503).whenDone().limitedTo(1));
    byte[] content = "{}".getBytes(StandardCharsets.UTF_8);

    FileEntry stored = client.uploadProjectFile(project, "lost.json", content, null);

    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.hash()).isEqualTo(FlywheelClient.hash(content));
    assertThat(server.requestLog().count("POST", "/api/projects/[0-9a-f]+/files")).isEqualTo(1);
  }
}
