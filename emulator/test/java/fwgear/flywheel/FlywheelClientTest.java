package fwgear.flywheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the local Flywheel server, one operation at a time. */
class FlywheelClientTest {
  private static FlywheelEmulator server;
  private static FlywheelClient client;

  @BeforeAll
  static void start() throws IOException {
    server = FlywheelEmulator.start(EmulatorOptions.inMemory());
    client = FlywheelClient.connect(server.apiKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void whoAmIIsTheSeedsAdmin() {
    User me = client.whoAmI();

    assertThat(me.id()).isEqualTo("admin@nacc.example");
    assertThat(me.root()).isTrue();
  }

  @Test
  void siteConfigPointsAtTheServer() {
    SiteConfig config = client.siteConfig();

    assertThat(config.site().apiUrl()).isEqualTo(server.baseUrl() + "/api");
    assertThat(config.site().redirectUrl()).isEqualTo(server.baseUrl().toString());
  }

  @Test
  void theSeedsAdminGroupHasMembersAtSeveralLevels() {
    Group nacc = client.getGroup("nacc");

    assertThat(nacc.permissions())
        .extracting(AccessPermission::access)
        .contains("admin", "rw", "ro");
    assertThat(client.groupRoles("nacc"))
        .extracting(Role::label)
        .containsExactlyInAnyOrder("admin", "curate", "upload", "read-only");
  }

  @Test
  void createsAndFindsAGroup() {
    String id = client.createGroup("center-one", "Center One");

    assertThat(id).isEqualTo("center-one");
    assertThat(client.findGroup("center-one")).map(Group::label).contains("Center One");
    assertThat(client.findGroups(Filters.eq("label", "Center One")))
        .extracting(Group::id)
        .containsExactly("center-one");
    assertThat(client.findGroup("no-such-group")).isEmpty();
  }

  @Test
  void aSecondGroupWithTheSameIdIsAConflict() {
    client.createGroup("twice", "Twice");

    assertThatThrownBy(() -> client.createGroup("twice", "Again"))
        .isInstanceOfSatisfying(
            FlywheelException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.method()).isEqualTo("POST");
              assertThat(e.path()).isEqualTo("/api/groups");
              assertThat(e.serverMessage()).contains("twice");
            });
  }

  @Test
  void createsAndFindsAProjectInItsGroup() {
    client.createGroup("center-two", "Center Two");
    String id = client.createProject("center-two", "ingest-form", "Form ingest");

    Project project = client.getProject(id);
    assertThat(project.label()).isEqualTo("ingest-form");
    assertThat(project.group()).isEqualTo("center-two");
    assertThat(project.description()).isEqualTo("Form ingest");
    assertThat(client.findProject("center-two", "ingest-form")).map(Project::id).contains(id);
    assertThat(client.findProject("nacc", "ingest-form")).isEmpty();
    assertThat(client.groupProjects("center-two")).extracting(Project::id).containsExactly(id);
  }

  @Test
  void aSecondProjectWithTheSameLabelInTheGroupIsAConflict() {
    client.createGroup("center-three", "Center Three");
    client.createProject("center-three", "accepted", null);

    assertThatThrownBy(() -> client.createProject("center-three", "accepted", null))
        .isInstanceOfSatisfying(
            FlywheelException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThat(client.findProjects(Filters.eq("parents.group", "center-three"))).hasSize(1);
  }

  @Test
  void anUnknownKeyIs401AndTheKeyIsNotInTheError() {
    FlywheelClient stranger =
        FlywheelClient.connect(ApiKey.parse("127.0.0.1:" + server.port() + ":not-a-real-key-42"));

    assertThatThrownBy(stranger::whoAmI)
        .isInstanceOfSatisfying(
            FlywheelException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.getMessage()).doesNotContain("not-a-real-key-42");
            });
  }

  @Test
  void tagsPermissionsInfoAndDescriptionOfAProject() {
    client.createGroup("center-four", "Center Four");
    String id = client.createProject("center-four", "metadata", null);
    String admin = client.findRole("admin").orElseThrow().id();
    String reader = client.findRole("read-only").orElseThrow().id();

    client.addProjectTag(id, "center");
    client.addProjectPermission(id, new RolePermission("reader@nacc.example", List.of(reader)));
    client.updateProjectPermission(id, "reader@nacc.example", List.of(reader, admin));
    client.setProjectInfo(id, Map.of("adcid", 42));
    client.setProjectDescription(id, "Metadata of center four");

    Project project = client.getProject(id);
    assertThat(project.tags()).containsExactly("center");
    assertThat(project.permissionOf("reader@nacc.example").orElseThrow().roleIds())
        .containsExactly(reader, admin);
    assertThat(project.info()).containsEntry("adcid", 42);
    assertThat(project.description()).isEqualTo("Metadata of center four");
  }

  @Test
  void tagsPermissionsAndRolesOfAGroup() {
    client.createGroup("center-five", "Center Five");
    String curate = client.findRole("curate").orElseThrow().id();

    client.addGroupTag("center-five", "center");
    client.addGroupPermission(
        "center-five", new AccessPermission("curator@nacc.example", AccessPermission.READ_ONLY));
    client.updateGroupPermission(
        "center-five", "curator@nacc.example", AccessPermission.READ_WRITE);
    client.addGroupRole("center-five", curate);

    Group group = client.getGroup("center-five");
    assertThat(group.tags()).containsExactly("center");
    assertThat(group.permissionOf("curator@nacc.example"))
        .map(AccessPermission::access)
        .contains("rw");
    assertThat(group.permissionOf("admin@nacc.example"))
        .map(AccessPermission::access)
        .contains("admin");
    assertThat(client.groupRoles("center-five")).extracting(Role::label).containsExactly("curate");
    assertThat(client.findGroups(Filters.matches("tags", "^cent")))
        .extracting(Group::id)
        .contains("center-five")
        .doesNotContain("nacc");
  }

  @Test
  void aDuplicateTagIsAConflict() {
    client.createGroup("center-six", "Center Six");
    client.addGroupTag("center-six", "once");

    assertThatThrownBy(() -> client.addGroupTag("center-six", "once"))
        .isInstanceOfSatisfying(
            FlywheelException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void usersAreFoundByIdAndEmail() {
    assertThat(client.getUser("reader@nacc.example").firstname()).isEqualTo("Riley");
    assertThat(client.findUsers(Filters.eq("email", "curator@nacc.example")))
        .extracting(User::id)
        .containsExactly("curator@nacc.example");
    assertThat(client.findUsers(Filters.eq("_id", "nobody@nacc.example"))).isEmpty();
    assertThatThrownBy(() -> client.getUser("nobody@nacc.example"))
        .isInstanceOfSatisfying(FlywheelException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void filesAreUploadedDownloadedAndDescribed() {
    client.createGroup("center-seven", "Center Seven");
    String id = client.createProject("center-seven", "files", null);
    byte[] content = "ADCID,SITE\n42,Somewhere (ADC 42)\n".getBytes(StandardCharsets.UTF_8);

    FileEntry stored = client.uploadProjectFile(id, "site table.csv", content, "text/csv");
    FileEntry again = client.uploadProjectFile(id, "site table.csv", content, "text/csv");

    assertThat(stored.size()).isEqualTo(content.length);
    assertThat(again.version()).isEqualTo(2);
    assertThat(client.downloadProjectFile(id, "site table.csv")).isEqualTo(content);
    FileEntry info = client.projectFileInfo(id, "site table.csv");
    assertThat(info.mimetype()).isEqualTo("text/csv");
    assertThat(info.hash()).isEqualTo(stored.hash());
    assertThat(client.getProject(id).files())
        .extracting(FileEntry::name)
        .containsExactly("site table.csv");
  }

  @Test
  void aFilterValueWithACommaIsEscaped() {
    client.createGroup("center-eight", "Eight, the center");

    assertThat(client.findGroups(Filters.eq("label", "Eight, the center")))
        .extracting(Group::id)
        .containsExactly("center-eight");
  }

  @Test
  void jobsAreQueuedForARegisteredGear() {
    client.createGroup("center-nine", "Center Nine");
    String project = client.createProject("center-nine", "jobs", null);
    Gear gear = client.findGear("echo").orElseThrow();

    String jobId =
        client.addJob(
            new JobRequest(
                gear.id(),
                Map.of(),
                new JobRequest.Container("project", project),
                Map.of("debug", true),
                List.of("test"),
                null));

    Job job = client.getJob(jobId);
    assertThat(job.state()).isEqualTo("pending");
    assertThat(job.gearId()).isEqualTo(gear.id());
    assertThat(job.config().path("debug").asBoolean()).isTrue();
    assertThat(client.findJobs(Filters.eq("state", "pending"))).extracting(Job::id).contains(jobId);
  }
}
