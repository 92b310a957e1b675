package project_app;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.Fault;
import fwgear.emulator.FlywheelEmulator;
import fwgear.emulator.RequestLog;
import fwgear.engine.LoggedRun;
import fwgear.flywheel.AccessPermission;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.flywheel.RolePermission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference's worked example (section 4) against the local Flywheel server: the exact state of
 * section 4.2 after a first run, and no write at all on a second run or in a dry run.
 */
class WorkedExampleTest {
  static final Path WORKED_EXAMPLE = Path.of("data/test-project.yaml");
  static final String ADMIN_ROLE = "5f0000000000000000000001";
  static final String CURATE_ROLE = "5f0000000000000000000002";
  static final String UPLOAD_ROLE = "5f0000000000000000000003";

  /** The default seed's admin group members: A in the reference's notation. */
  static final List<AccessPermission> A =
      List.of(
          new AccessPermission("admin@nacc.example", "admin"),
          new AccessPermission("curator@nacc.example", "rw"),
          new AccessPermission("uploader@nacc.example", "rw"),
          new AccessPermission("reader@nacc.example", "ro"));

  @TempDir Path temp;
  FlywheelEmulator flywheel;
  FlywheelClient admin;

  @BeforeEach
  void start() throws Exception {
    flywheel = FlywheelEmulator.start(EmulatorOptions.inMemory());
    admin = FlywheelClient.connect(flywheel.apiKey());
  }

  @AfterEach
  void stop() {
    flywheel.close();
  }

  LoggedRun runGear(Path yaml, Map<String, Object> config) throws Exception {
    Path base = GearRun.prepare(temp.resolve("v0"), flywheel.apiKey(), yaml, config);
    flywheel.requestLog().clear();
    // The gear as shipped; the gear bot's parameter store is the local server's SSM endpoint.
    return GearRun.run(base, flywheel.awsEnvironment());
  }

  /** Flywheel API requests that change something (SSM requests are POSTs too, to /). */
  long writes() {
    return flywheelRequests().stream().filter(RequestLog.Entry::isWrite).count();
  }

  List<RequestLog.Entry> flywheelRequests() {
    return flywheel.requestLog().entries().stream()
        .filter(entry -> entry.path().startsWith("/api/"))
        .toList();
  }

  @Test
  void aFirstRunMakesExactlyTheStateOfTheWorkedExample() throws Exception {
    LoggedRun result = runGear(WORKED_EXAMPLE, Map.of());

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(groupsById().keySet())
        .containsExactly("alpha", "beta-inactive", "gamma-adrc", "nacc", "release-tau");
    assertGroup(
        "alpha", "Alpha Center", List.of("center-code-1006"), List.of(CURATE_ROLE, UPLOAD_ROLE));
    assertGroup(
        "beta-inactive",
        "Beta Center",
        List.of("center-code-2006"),
        List.of(CURATE_ROLE, UPLOAD_ROLE));
    assertGroup(
        "gamma-adrc", "Gamma ADRC", List.of("center-code-5006"), List.of(CURATE_ROLE, UPLOAD_ROLE));
    assertGroup("release-tau", "Project Tau Release", List.of(), List.of());

    assertThat(projects("alpha"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ingest-form-tau", "[center-code-1006]",
                "ingest-dicom-tau", "[center-code-1006]",
                "retrospective-form-tau", "[center-code-1006]",
                "retrospective-dicom-tau", "[center-code-1006]",
                "accepted-tau", "[]",
                "metadata", "[]",
                "ingest-form-zeta", "[center-code-1006]",
                "retrospective-form-zeta", "[center-code-1006]",
                "accepted-zeta", "[]"));
    assertThat(projects("beta-inactive"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "retrospective-form-tau", "[center-code-2006]",
                "retrospective-dicom-tau", "[center-code-2006]",
                "accepted-tau", "[]",
                "metadata", "[]"));
    assertThat(projects("gamma-adrc"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ingest-form-zeta", "[center-code-5006]",
                "retrospective-form-zeta", "[center-code-5006]",
                "accepted-zeta", "[]",
                "metadata", "[]"));
    assertThat(projects("release-tau")).containsExactly(Map.entry("master-project", "[]"));
    assertThat(admin.findProjects()).hasSize(18);

    // Role assignments: on master-project every member of A gets admin; elsewhere only the
    // creator (admin@nacc.example, who ran the gear) has the admin role Flywheel gives it.
    for (Project project : admin.findProjects()) {
      if (project.label().equals("master-project")) {
        assertThat(project.permissions())
            .containsExactlyInAnyOrderElementsOf(
                A.stream().map(a -> new RolePermission(a.id(), List.of(ADMIN_ROLE))).toList());
      } else {
        assertThat(project.permissions())
            .as(project.label())
            .containsExactly(new RolePermission("admin@nacc.example", List.of(ADMIN_ROLE)));
      }
    }
    assertThat(result.log())
        .contains(
            "Created 4 groups and 18 projects; updated 0 groups and 0 projects; unchanged 0"
                + " groups and 0 projects");
  }

  @Test
  void aSecondIdenticalRunSendsNoWriteAndFewReads() throws Exception {
    runGear(WORKED_EXAMPLE, Map.of());

    LoggedRun second = runGear(WORKED_EXAMPLE, Map.of());

    assertThat(second.exitCode()).as(second.log()).isZero();
    assertThat(writes()).isZero();
    // roles, admin group, then per group: the group and its projects; no GET /api/users/self,
    // which only a plan that creates a group needs
    assertThat(flywheelRequests()).hasSize(2 + 4 * 2);
    assertThat(flywheelRequests()).noneMatch(entry -> entry.path().equals("/api/users/self"));
    assertThat(second.log())
        .contains(
            "Created 0 groups and 0 projects; updated 0 groups and 0 projects; unchanged 4"
                + " groups and 18 projects (0 writes)");
  }

  @Test
  void aDryRunOnAnEmptySiteSendsNoWriteAndPrintsThePlan() throws Exception {
    LoggedRun result = runGear(WORKED_EXAMPLE, Map.of("dry_run", true));

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(writes()).isZero();
    assertThat(groupsById().keySet()).containsExactly("nacc");
    assertThat(result.log())
        .contains("Dry run: would create group alpha (Alpha Center)")
        .contains("Dry run: would add tag center-code-1006 to project alpha/ingest-form-tau")
        .contains(
            "Dry run: would give curator@nacc.example role admin on project release-tau/master-project")
        .contains("Dry run, nothing written. Would have created 4 groups and 18 projects");
  }

  @Test
  void driftIsRepairedAndALabelDifferenceIsReported() throws Exception {
    admin.createGroup("alpha", "Alpha ADRC");
    admin.addGroupPermission("alpha", new AccessPermission("reader@nacc.example", "rw"));

    LoggedRun result = runGear(WORKED_EXAMPLE, Map.of());

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(result.log())
        .contains(
            "group alpha exists with label 'Alpha ADRC', the project file names it 'Alpha"
                + " Center'; the label is left as it is")
        .contains("Change reader@nacc.example's access to group alpha from rw to ro")
        .contains("Created 3 groups and 18 projects; updated 1 group and 0 projects");
    assertThat(admin.getGroup("alpha").label()).isEqualTo("Alpha ADRC");
    assertThat(admin.getGroup("alpha").permissions()).containsExactlyInAnyOrderElementsOf(A);
  }

  @Test
  void aFailingFlywheelStopsTheRunAndARerunFinishesIt() throws Exception {
    flywheel.addFault(Fault.always("POST", "/api/projects/[^/]+/tags", 403));

    LoggedRun failed = runGear(WORKED_EXAMPLE, Map.of());

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.log())
        .contains(
            "Stopped after 8 of 56 writes; could not add tag center-code-1006 to project"
                + " alpha/ingest-form-tau")
        .containsPattern("Error: Flywheel POST /api/projects/[0-9a-f]+/tags failed: HTTP 403");
    flywheel.clearFaults();

    LoggedRun rerun = runGear(WORKED_EXAMPLE, Map.of());

    assertThat(rerun.exitCode()).as(rerun.log()).isZero();
    assertThat(rerun.log())
        .contains(
            "Created 3 groups and 17 projects; updated 0 groups and 1 project; unchanged 1 group"
                + " and 0 projects (48 writes)");
    assertThat(admin.findProjects()).hasSize(18);
  }

  @Test
  void aMalformedFileExitsTwoWithItsLineAndSendsNothing() throws Exception {
    Path yaml = temp.resolve("broken.yaml");
    Files.writeString(yaml, "project: Tau\ncenters: [\n  - name: A\n");

    LoggedRun result = runGear(yaml, Map.of());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.log()).containsPattern("broken.yaml:\\d+: syntax: ");
    assertThat(flywheel.requestLog().entries()).isEmpty();
  }

  @Test
  void missingKeysAreAllReportedWithLinesAndNothingIsSent() throws Exception {
    Path yaml = temp.resolve("missing.yaml");
    Files.writeString(
        yaml,
        """
        project: Project Tau
        project-id: tau
        centers:
          - name: Alpha Center
            is-active: true
            tags: []
        published: true
        ---
        project: Project Zeta
        centers: []
        datatypes: [form]
        """);

    LoggedRun result = runGear(yaml, Map.of());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.log())
        .contains("missing.yaml:1: datatypes: required: is required (a list)")
        .contains("missing.yaml:4: centers.0.center-id: required: is required (a text)")
        .contains("missing.yaml:9: project-id: required: is required (a text)")
        .contains("missing.yaml:9: published: required: is required (true or false)");
    assertThat(flywheel.requestLog().entries()).isEmpty();
  }

  @Test
  void withApikeyPathPrefixTheGearBotKeyFromSsmIsUsed() throws Exception {
    LoggedRun result =
        runGear(WORKED_EXAMPLE, Map.of("apikey_path_prefix", "/prod/flywheel/gearbot"));

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(result.log())
        .contains("Using the gear-bot API key from /prod/flywheel/gearbot/apikey")
        .doesNotContain("emulator-gearbot-key");
    assertThat(flywheel.requestLog().entries())
        .anySatisfy(entry -> assertThat(entry.path()).isEqualTo("/"));
    // The bot created the groups, so Flywheel made it their admin, next to the members of A.
    assertThat(admin.getGroup("alpha").permissions())
        .containsExactlyInAnyOrderElementsOf(
            concat(A, new AccessPermission("gearbot@nacc.example", "admin")));
    assertThat(admin.findProjects()).hasSize(18);
  }

  @Test
  void aMissingGearBotKeyFailsBeforeAnyFlywheelRequest() throws Exception {
    LoggedRun result = runGear(WORKED_EXAMPLE, Map.of("apikey_path_prefix", "/nowhere"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.log())
        .contains("Error: no gear-bot API key in the parameter store at /nowhere/apikey");
    assertThat(flywheelRequests()).isEmpty();
  }

  @Test
  void newOnlyMakesOnlyTheCentersTaggedNew() throws Exception {
    Path yaml = temp.resolve("new.yaml");
    Files.writeString(
        yaml,
        """
        project: Project Tau
        project-id: tau
        centers:
          - {name: Alpha Center, center-id: alpha, is-active: true, tags: [center-code-1006]}
          - {name: Delta Center, center-id: delta, is-active: true, tags: [new-center]}
        datatypes: [form]
        published: true
        """);

    LoggedRun result = runGear(yaml, Map.of("new_only", true));

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(groupsById().keySet()).containsExactly("delta", "nacc", "release-tau");
    assertThat(projects("delta"))
        .containsOnlyKeys("ingest-form-tau", "retrospective-form-tau", "accepted-tau", "metadata");
  }

  @Test
  void anEmptyAdminGroupIsBadInput() throws Exception {
    LoggedRun result = runGear(WORKED_EXAMPLE, Map.of("admin_group", " "));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.log())
        .containsPattern(
            "config.json:\\d+: config.admin_group: config-value: \" \" does not match the pattern");
    assertThat(flywheel.requestLog().entries()).isEmpty();
  }

  private static List<AccessPermission> concat(List<AccessPermission> list, AccessPermission one) {
    return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(one)).toList();
  }

  private Map<String, Group> groupsById() {
    return admin.findGroups().stream()
        .collect(Collectors.toMap(Group::id, g -> g, (a, b) -> a, TreeMap::new));
  }

  private void assertGroup(String id, String label, List<String> tags, List<String> roles) {
    Group group = admin.getGroup(id);
    assertThat(group.label()).isEqualTo(label);
    assertThat(group.tags()).containsExactlyElementsOf(tags);
    assertThat(group.roles()).containsExactlyInAnyOrderElementsOf(roles);
    assertThat(group.permissions()).containsExactlyInAnyOrderElementsOf(A);
  }

  /** Label to tags of the projects of a group. */
  private Map<String, String> projects(String groupId) {
    return admin.groupProjects(groupId).stream()
        .collect(Collectors.toMap(Project::label, p -> p.tags().toString()));
  }
}
