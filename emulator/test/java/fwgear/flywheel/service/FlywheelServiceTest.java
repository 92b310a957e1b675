package fwgear.flywheel.service;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.emulator.RequestLog;
import fwgear.flywheel.AccessPermission;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.flywheel.RolePermission;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gears' service layer: one write gate, dry runs that send nothing but see their changes. */
class FlywheelServiceTest {
  private FlywheelEmulator server;
  private FlywheelClient client;

  @BeforeEach
  void start() throws IOException {
    server = FlywheelEmulator.start(EmulatorOptions.inMemory());
    client = FlywheelClient.connect(server.apiKey());
    server.requestLog().clear();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private long writesSent() {
    return server.requestLog().entries().stream().filter(RequestLog.Entry::isWrite).count();
  }

  @Test
  void aDryRunSendsNothingAndLaterReadsSeeTheWouldBeState() {
    FlywheelService service = new FlywheelService(client, true);

    Group group = service.getOrCreateGroup("new-center", "New Center");
    group = service.addGroupTag(group, "center");
    group = service.addUserAccess(group, new AccessPermission("reader@nacc.example", "ro"));
    group = service.addGroupRole(group, service.adminRole());
    Project project = service.getOrCreateProject(group, "ingest-form");
    project = service.addProjectTag(project, "form");
    project = service.addAdminUsers(project, List.of("curator@nacc.example"));
    project = service.setDescription(project, "Form ingest of $adrc");

    assertThat(writesSent()).isZero();
    assertThat(client.findGroup("new-center")).isEmpty();
    assertThat(service.findGroup("new-center")).map(Group::tags).contains(List.of("center"));
    assertThat(service.findProject("new-center", "ingest-form"))
        .map(Project::description)
        .contains("Form ingest of $adrc");
    assertThat(service.groupProjects("new-center"))
        .extracting(Project::label)
        .containsExactly("ingest-form");
    assertThat(project.isSaved()).isFalse();
    assertThat(service.writes())
        .extracting(FlywheelService.Write::action)
        .containsExactly(
            "create group",
            "tag group",
            "give access to reader@nacc.example",
            "add role",
            "create project",
            "tag project",
            "give roles to curator@nacc.example",
            "set description of");
    assertThat(service.writes()).noneMatch(FlywheelService.Write::sent);
  }

  @Test
  void aRealRunSendsEachChangeOnceAndSkipsWhatIsAlreadyThere() {
    FlywheelService service = new FlywheelService(client, false);

    Group group = service.getOrCreateGroup("real-center", "Real Center");
    group = service.addGroupTag(group, "center");
    group = service.addGroupTag(group, "center");
    group = service.addUserAccess(group, new AccessPermission("reader@nacc.example", "ro"));
    group = service.addUserAccess(group, new AccessPermission("reader@nacc.example", "rw"));
    Project project = service.getOrCreateProject(group, "accepted");
    Project again = service.getOrCreateProject(group, "accepted");
    String readOnly = service.role("read-only").orElseThrow().id();
    project =
        service.addUserRoles(
            project, new RolePermission("uploader@nacc.example", List.of(readOnly)));
    project = service.addAdminUsers(project, List.of("uploader@nacc.example"));
    project = service.setInfo(project, Map.of("adcid", 7));

    assertThat(again.id()).isEqualTo(project.id());
    assertThat(client.getGroup("real-center").permissionOf("reader@nacc.example"))
        .map(AccessPermission::access)
        .contains("rw");
    assertThat(
            client
                .getProject(project.id())
                .permissionOf("uploader@nacc.example")
                .orElseThrow()
                .roleIds())
        .containsExactly(readOnly, service.adminRole().id());
    assertThat(client.getProject(project.id()).info()).containsEntry("adcid", 7);
    assertThat(service.writes()).allMatch(FlywheelService.Write::sent).hasSize(8);
    assertThat(server.requestLog().count("POST", "/api/groups/real-center/tags")).isEqualTo(1);
    assertThat(server.requestLog().count("POST", "/api/projects")).isEqualTo(1);
  }

  @Test
  void anExistingGroupIsReturnedAsItIs() {
    FlywheelService service = new FlywheelService(client, false);

    Group nacc = service.getOrCreateGroup("nacc", "Another label");

    assertThat(nacc.label()).isEqualTo("NACC");
    assertThat(writesSent()).isZero();
  }

  @Test
  void groupUsersByAccessLevel() {
    FlywheelService service = new FlywheelService(client, true);
    Group nacc = service.findGroup("nacc").orElseThrow();

    assertThat(service.groupUsers(nacc, Optional.of("admin")))
        .extracting(u -> u.id())
        .containsExactly("admin@nacc.example");
    assertThat(service.groupUsers(nacc, Optional.empty())).hasSize(4);
    assertThat(service.siteUrl()).isEqualTo(server.baseUrl().toString());
  }

  @Test
  void servicesRacingToCreateOneProjectAllGetTheSameOne() throws Exception {
    Group nacc = new FlywheelService(client, false).findGroup("nacc").orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<Project>> results = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        results.add(
            pool.submit(
                () -> new FlywheelService(client, false).getOrCreateProject(nacc, "raced")));
      }
      Set<String> ids = new HashSet<>();
      for (Future<Project> result : results) {
        ids.add(result.get().id());
      }
      assertThat(ids).hasSize(1);
      assertThat(client.findProjects("parents.group=nacc", "label=raced")).hasSize(1);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void filesAndInfoThroughTheGateAndGroupsByTag() {
    FlywheelService real = new FlywheelService(client, false);
    FlywheelService dry = new FlywheelService(client, true);
    Group nacc = real.findGroup("nacc").orElseThrow();
    Project project = real.getOrCreateProject(nacc, "files");
    byte[] table = "ADCID\n42\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    Project wouldBe = dry.uploadFile(project, "table.csv", table, "text/csv");
    wouldBe = dry.setInfo(wouldBe, Map.of("adcid", 42));
    assertThat(wouldBe.file("table.csv")).isPresent();
    assertThat(wouldBe.info()).containsEntry("adcid", 42);
    assertThat(client.getProject(project.id()).files()).isEmpty();

    Project uploaded = real.uploadFile(project, "table.csv", table, "text/csv");
    assertThat(uploaded.file("table.csv").map(f -> f.size())).contains((long) table.length);
    assertThat(real.readFile(uploaded, "table.csv")).isEqualTo(table);
    assertThat(real.findGroupsByTag("^adm")).extracting(Group::id).containsExactly("nacc");
  }
}
