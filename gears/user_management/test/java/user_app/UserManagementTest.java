package user_app;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.Fault;
import fwgear.emulator.FlywheelEmulator;
import fwgear.engine.LoggedRun;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.flywheel.Role;
import fwgear.flywheel.RolePermission;
import fwgear.flywheel.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gear end to end against the local Flywheel on a free port, seeded with {@code
 * data/user-seed.yaml}, on the worked example's user file {@code data/users.yaml}
 * (docs/user_management/index.md): the gear bot's key from SSM, every read and write over HTTP.
 */
class UserManagementTest {
  static final Path SEED = Path.of("data/user-seed.yaml");
  static final Path USERS = Path.of("data/users.yaml");

  @TempDir Path temp;
  FlywheelEmulator flywheel;
  FlywheelClient admin;
  int runs;

  @BeforeEach
  void start() throws Exception {
    flywheel = FlywheelEmulator.start(EmulatorOptions.inMemory().withPort(0).withSeedFile(SEED));
    admin = FlywheelClient.connect(flywheel.apiKey());
    flywheel.requestLog().clear();
  }

  @AfterEach
  void stop() {
    flywheel.close();
  }

  private LoggedRun run(Path userFile, Map<String, Object> overrides) throws Exception {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("dry_run", false);
    config.putAll(overrides);
    Path base = GearRun.prepare(temp.resolve("run-" + ++runs), userFile, config);
    return GearRun.run(base, flywheel.awsEnvironment());
  }

  private LoggedRun run() throws Exception {
    return run(USERS, Map.of());
  }

  private long writes() {
    return flywheel.requestLog().entries().stream()
        .filter(e -> e.isWrite() && e.path().startsWith("/api/"))
        .count();
  }

  /** Each pipeline project's role assignments, as {@code group/label -> user -> role labels}. */
  private Map<String, Map<String, List<String>>> projectRoles() {
    Map<String, String> labels =
        admin.roles().stream().collect(Collectors.toMap(Role::id, Role::label));
    Map<String, Map<String, List<String>>> all = new TreeMap<>();
    for (Project project : admin.findProjects()) {
      Map<String, List<String>> byUser = new TreeMap<>();
      for (RolePermission permission : project.permissions()) {
        byUser.put(
            permission.id(), permission.roleIds().stream().map(labels::get).sorted().toList());
      }
      all.put(project.group() + "/" + project.label(), byUser);
    }
    return all;
  }

  private Optional<String> access(String groupId, String userId) {
    return admin.getGroup(groupId).permissionOf(userId).map(p -> p.access());
  }

  @Test
  void theWorkedExampleCreatesUsersAndGivesThemTheirCentersAccess() throws Exception {
    LoggedRun result = run();

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(writes()).isEqualTo(18);
    // New users, from the credentials, email and names.
    User alex = admin.getUser("0000-0001-0000-0001");
    assertThat(List.of(alex.email(), alex.firstname(), alex.lastname()))
        .containsExactly("alex@alpha.example", "Alex", "Alpha");
    assertThat(admin.getUser("carl@alpha.example").lastname()).isEqualTo("Curator");
    // An existing user gets the directory's email; nothing else of hers changes.
    User bea = admin.getUser("0000-0003-0000-0003");
    assertThat(bea.email()).isEqualTo("bea@beta.example");
    assertThat(bea.firstname()).isEqualTo("Bea");
    // Left out: the admin, the ambiguous center, the missing center, no center.
    for (String id : List.of("0000-0007-0000-0007", "0000-0099-0000-0099", "12345")) {
      assertThat(admin.findUser(id)).as(id).isEmpty();
    }
    assertThat(access("gamma-east", "0000-0007-0000-0007")).isEmpty();
    assertThat(access("gamma-west", "0000-0007-0000-0007")).isEmpty();

    assertThat(access("alpha", "0000-0001-0000-0001")).contains("ro");
    assertThat(access("alpha", "carl@alpha.example")).contains("ro");
    assertThat(access("beta", "0000-0003-0000-0003")).contains("ro");
    // Bea's center is adcid-1: alpha (adcid-12) is not hers.
    assertThat(access("alpha", "0000-0003-0000-0003")).isEmpty();
    Group alpha = admin.getGroup("alpha");
    assertThat(alpha.roles())
        .containsExactlyInAnyOrder(
            "5f0000000000000000000001",
            "5f0000000000000000000002",
            "5f0000000000000000000003",
            "5f0000000000000000000004");

    Map<String, Map<String, List<String>>> roles = projectRoles();
    String alex1 = "0000-0001-0000-0001";
    String carl = "carl@alpha.example";
    String bea3 = "0000-0003-0000-0003";
    assertThat(roles.get("alpha/ingest-form"))
        .containsEntry(alex1, List.of("upload"))
        .containsEntry(carl, List.of("curate", "read-only"));
    assertThat(roles.get("alpha/ingest-dicom"))
        .containsEntry(alex1, List.of("upload"))
        .containsEntry(carl, List.of("curate", "read-only"));
    assertThat(roles.get("alpha/retrospective-form"))
        .containsEntry(alex1, List.of("upload"))
        .containsEntry(carl, List.of("curate", "read-only"));
    assertThat(roles.get("alpha/accepted"))
        .containsEntry(alex1, List.of("read-only"))
        .containsEntry(carl, List.of("read-only"));
    assertThat(roles.get("alpha/metadata")).doesNotContainKeys(alex1, carl);
    assertThat(roles.get("beta/ingest-form")).containsEntry(bea3, List.of("read-only", "upload"));
    assertThat(roles.get("beta/accepted")).containsEntry(bea3, List.of("read-only"));
    assertThat(roles.get("nacc/project-admin")).doesNotContainKey("nora@nacc.example");

    assertThat(result.log())
        .contains("Skipping admin user nora@nacc.example (an admin of group nacc; line 18)")
        .contains(
            "entry on line 64 (user 0000-0007-0000-0007): 2 groups are tagged adcid-7"
                + " (gamma-east, gamma-west), which center is meant is unclear; left out")
        .contains(
            "entry on line 80 (user 0000-0099-0000-0099): no center group is tagged adcid-99;"
                + " left out")
        .contains("entry on line 96 (user 12345): no center (center_id -1); left out")
        .contains("7 entries: 1 skipped as admins, 3 left out, 3 users to check")
        .contains(
            "Created 2 users and 0 groups and 0 projects; updated 1 user and 1 group and 6"
                + " projects; unchanged 0 users and 1 group and 0 projects (18 writes)")
        .doesNotContain("emulator-gearbot-key");
  }

  @Test
  void aRerunWithTheSameFileWritesNothing() throws Exception {
    assertThat(run().exitCode()).isZero();
    Map<String, Map<String, List<String>>> before = projectRoles();
    flywheel.requestLog().clear();

    LoggedRun again = run();

    assertThat(again.exitCode()).as(again.log()).isZero();
    assertThat(writes()).isZero();
    assertThat(again.log()).contains("(0 writes)");
    assertThat(projectRoles()).isEqualTo(before);
  }

  @Test
  void aDryRunPrintsThePlanAndWritesNothing() throws Exception {
    LoggedRun result = run(USERS, Map.of("dry_run", true));

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(writes()).isZero();
    assertThat(admin.findUser("0000-0001-0000-0001")).isEmpty();
    assertThat(result.log())
        .contains("Dry run: 18 writes planned")
        .contains("Dry run: would create user 0000-0001-0000-0001 (Alex Alpha, alex@alpha.example)")
        .contains(
            "Dry run: would update user 0000-0003-0000-0003: email 'old-bea@beta.example' ->"
                + " 'bea@beta.example'")
        .contains("Dry run: would offer role upload to the projects of group alpha")
        .contains("Dry run: would give user carl@alpha.example ro access to group alpha")
        .contains(
            "Dry run: would give user carl@alpha.example role curate, read-only on project"
                + " alpha/ingest-form")
        .contains(
            "Dry run: would add role upload to user 0000-0003-0000-0003 on project"
                + " beta/ingest-form (keeping the roles the user has)")
        .contains("Dry run, nothing written. Would have created 2 users");
  }

  @Test
  void aFailedWriteStopsTheRunAndTheRerunFinishesTheWork() throws Exception {
    // The third project-role write fails every time it is tried; the first answer on a user
    // create is lost after the user was made (the client must not create it twice).
    flywheel.addFault(Fault.always("POST", "/api/users", 503).whenDone().limitedTo(1));
    flywheel.addFault(
        Fault.always("POST", "/api/projects/[0-9a-f]+/permissions", 503).limitedTo(100));
    LoggedRun failed = run();

    assertThat(failed.exitCode()).as(failed.log()).isEqualTo(1);
    assertThat(failed.log())
        .contains(
            "Stopped after 8 of 18 writes; could not give user 0000-0001-0000-0001 role read-only on project alpha/accepted")
        .contains("HTTP 503");
    assertThat(admin.findUsers()).extracting(User::id).doesNotHaveDuplicates();
    assertThat(admin.findUser("0000-0001-0000-0001")).isPresent();

    flywheel.clearFaults();
    LoggedRun rerun = run();
    assertThat(rerun.exitCode()).as(rerun.log()).isZero();
    assertThat(rerun.log()).contains("(10 writes)");
    flywheel.requestLog().clear();
    LoggedRun third = run();
    assertThat(third.exitCode()).as(third.log()).isZero();
    assertThat(writes()).isZero();
    assertThat(projectRoles().get("alpha/accepted")).containsKeys("0000-0001-0000-0001");
  }

  @Test
  void aBadUserFileIsEveryProblemWithLineAndKeyAndNoRequest() throws Exception {
    Path file = temp.resolve("bad-users.yaml");
    Files.writeString(
        file,
        """
        - authorizations:
            approve_data: "no"
            audit_data: false
            submit: [form, csv]
            view_reports: true
          center_id: twelve
          credentials:
            id: 12345
            type: orcid
          email: a@b.example
          name: {first_name: A, last_name: B}
          org_name: Alpha ADRC
          submit_time: "2026-11-02 09:30:00"
          nickname: Al
        - center_id: 12
        """);

    LoggedRun result = run(file, Map.of());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.log())
        .contains("bad-users.yaml:2: 0.authorizations.approve_data: type: must be true or false")
        .contains("bad-users.yaml:4: 0.authorizations.submit.1: datatype: 'csv' is not a datatype")
        .contains("bad-users.yaml:6: 0.center_id: type: must be a whole number")
        .contains("bad-users.yaml:8: 0.credentials.id: type: must be a string (quote it)")
        .contains("bad-users.yaml:14: 0.nickname: unknown-key")
        .contains("bad-users.yaml:15: 1.email: required")
        .contains("the gear did not run")
        .doesNotContain("Exception");
    assertThat(flywheel.requestLog().entries()).isEmpty();
  }

  @Test
  void aRoleTheSiteLacksOrNoAdminGroupFailsBeforeAnyWrite() throws Exception {
    LoggedRun group = run(USERS, Map.of("admin_group", "other"));
    assertThat(group.exitCode()).isEqualTo(1);
    assertThat(group.log()).contains("No admin group other on the site");
    assertThat(writes()).isZero();

    try (FlywheelEmulator bare =
        FlywheelEmulator.start(
            EmulatorOptions.inMemory()
                .withPort(0)
                .withSeedFile(writeSeedWithoutCurate(temp.resolve("seed.yaml"))))) {
      Path base = GearRun.prepare(temp.resolve("bare"), USERS, Map.of("dry_run", false));
      LoggedRun result = GearRun.run(base, bare.awsEnvironment());
      assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
      assertThat(result.log())
          .contains("The site has no role labelled curate (needed on the projects of group alpha)");
      assertThat(
              bare.requestLog().entries().stream()
                  .filter(e -> e.isWrite() && e.path().startsWith("/api/"))
                  .count())
          .isZero();
    }
  }

  private static Path writeSeedWithoutCurate(Path to) throws Exception {
    String seed = Files.readString(SEED);
    seed = seed.replace("  - id: 5f0000000000000000000002\n    label: curate\n", "");
    Files.writeString(to, seed);
    return to;
  }

  @Test
  void accessIsOnlyAddedAndTwoEntriesOfOneUserAddUp() throws Exception {
    // Alex is on the site already, with rw on alpha and the admin role on alpha/ingest-form.
    admin.createUser("0000-0001-0000-0001", "alex@alpha.example", "Alex", "Alpha");
    admin.addGroupPermission(
        "alpha", new fwgear.flywheel.AccessPermission("0000-0001-0000-0001", "rw"));
    String ingestForm = admin.findProject("alpha", "ingest-form").orElseThrow().id();
    admin.addProjectPermission(
        ingestForm, new RolePermission("0000-0001-0000-0001", List.of("5f0000000000000000000001")));
    Path file = temp.resolve("twice.yaml");
    String entry =
        """
        - authorizations: {approve_data: %s, audit_data: false, submit: [%s], view_reports: false}
          center_id: 12
          credentials: {id: 0000-0001-0000-0001, type: orcid}
          email: alex@alpha.example
          name: {first_name: Alex, last_name: Alpha}
          org_name: Alpha ADRC
          submit_time: "2026-11-02 09:30:00"
        """;
    Files.writeString(file, entry.formatted("false", "form") + entry.formatted("true", "image"));
    flywheel.requestLog().clear();

    LoggedRun result = run(file, Map.of());

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(access("alpha", "0000-0001-0000-0001")).contains("rw");
    Map<String, Map<String, List<String>>> roles = projectRoles();
    assertThat(roles.get("alpha/ingest-form"))
        .containsEntry("0000-0001-0000-0001", List.of("admin", "curate", "upload"));
    assertThat(roles.get("alpha/ingest-dicom"))
        .containsEntry("0000-0001-0000-0001", List.of("curate", "upload"));
    assertThat(roles.get("alpha/accepted"))
        .containsEntry("0000-0001-0000-0001", List.of("read-only"));
    assertThat(result.log())
        .doesNotContain("access to group alpha")
        .doesNotContain("create user")
        .contains("(keeping the roles the user has)");
    assertThat(flywheel.requestLog().count("POST", "/api/users")).isZero();
  }
}
