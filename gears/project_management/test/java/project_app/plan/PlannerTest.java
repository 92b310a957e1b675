package project_app.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static project_app.plan.WorkedExample.ADMIN;
import static project_app.plan.WorkedExample.CURATE;
import static project_app.plan.WorkedExample.ROLES;

import fwgear.engine.GearExecutionException;
import fwgear.plan.Plan;
import fwgear.plan.Summary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import project_app.site.SiteModel;
import project_app.state.DesiredState;
import project_app.state.GroupState;
import project_app.state.ProjectSpec;
import project_app.state.ProjectState;
import project_app.state.RoleRef;
import project_app.state.SiteState;

class PlannerTest {
  private final Planner planner = Planner.forCreator(ROLES.values(), "u1@example.org");

  private static DesiredState desired(boolean newOnly) throws GearExecutionException {
    return DesiredState.of(WorkedExample.studies(), "nacc", WorkedExample.admin(), ROLES, newOnly);
  }

  @Test
  void theWorkedExampleWantsFourGroupsAndEighteenProjects() throws Exception {
    DesiredState desired = desired(false);

    assertThat(desired.groups())
        .extracting(g -> g.id() + " " + g.label() + " " + g.tags() + " " + g.roles().size())
        .containsExactly(
            "alpha Alpha Center [center-code-1006] 2",
            "beta-inactive Beta Center [center-code-2006] 2",
            "release-tau Project Tau Release [] 0",
            "gamma-adrc Gamma ADRC [center-code-5006] 2");
    assertThat(desired.groups())
        .allSatisfy(g -> assertThat(g.permissions()).isEqualTo(WorkedExample.nacc().permissions()));
    assertThat(desired.projects())
        .extracting(p -> p.path() + " " + p.tags())
        .containsExactly(
            "alpha/ingest-form-tau [center-code-1006]",
            "alpha/ingest-dicom-tau [center-code-1006]",
            "alpha/retrospective-form-tau [center-code-1006]",
            "alpha/retrospective-dicom-tau [center-code-1006]",
            "alpha/accepted-tau []",
            "alpha/metadata []",
            "beta-inactive/retrospective-form-tau [center-code-2006]",
            "beta-inactive/retrospective-dicom-tau [center-code-2006]",
            "beta-inactive/accepted-tau []",
            "beta-inactive/metadata []",
            "release-tau/master-project []",
            "alpha/ingest-form-zeta [center-code-1006]",
            "alpha/retrospective-form-zeta [center-code-1006]",
            "alpha/accepted-zeta []",
            "gamma-adrc/ingest-form-zeta [center-code-5006]",
            "gamma-adrc/retrospective-form-zeta [center-code-5006]",
            "gamma-adrc/accepted-zeta []",
            "gamma-adrc/metadata []");
    ProjectSpec master =
        desired.projects().stream()
            .filter(p -> p.label().equals("master-project"))
            .findFirst()
            .get();
    assertThat(master.userRoles())
        .containsOnlyKeys("u1@example.org", "u2@example.org", "u3@example.org")
        .allSatisfy((user, roles) -> assertThat(roles).containsExactly(ADMIN));
  }

  @Test
  void anEmptySitePlansEverythingAndTheResultNeedsNoSecondWrite() throws Exception {
    DesiredState desired = desired(false);
    SiteModel site = site().with(WorkedExample.nacc());

    Plan<Change> first = planner.plan(desired, site.state());
    Plan<Change> second = planner.plan(desired, site.apply(first).state());

    assertThat(first.summary()).isEqualTo(summary(4, 18, 0, 0, 0, 0, first.changes().size()));
    assertThat(first.changes()).filteredOn(c -> c instanceof Change.CreateGroup).hasSize(4);
    assertThat(first.changes())
        .filteredOn(c -> c instanceof Change.SetGroupAccess)
        .hasSize(8)
        .allSatisfy(c -> assertThat(((Change.SetGroupAccess) c).isUpdate()).isFalse());
    // groups, their tags, center roles, access (u1 creates them, so is admin already);
    // projects, their tags, master-project roles (u1 creates it, so has the admin role already)
    assertThat(first.changes()).hasSize(4 + 3 + 3 * 2 + 4 * 2 + 18 + 10 + 2);
    assertThat(first.changes().get(0).describe()).isEqualTo("create group alpha (Alpha Center)");
    assertThat(second.changes()).isEmpty();
    assertThat(second.summary()).isEqualTo(summary(0, 0, 0, 0, 4, 18, 0));
    assertThat(second.summary().format(false))
        .isEqualTo(
            "Created 0 groups and 0 projects; updated 0 groups and 0 projects; unchanged 4 groups"
                + " and 18 projects (0 writes)");
  }

  @Test
  void onlyDriftIsWritten() throws Exception {
    DesiredState desired = desired(false);
    SiteModel site = site().with(WorkedExample.nacc());
    site.apply(planner.plan(desired, site.state()));
    // u2 becomes admin in nacc and a new user u4 joins; someone removed a tag from alpha.
    GroupState nacc = WorkedExample.nacc();
    Map<String, String> access = new java.util.LinkedHashMap<>(nacc.permissions());
    access.put("u2@example.org", "admin");
    access.put("u4@example.org", "ro");
    GroupState alpha = site.state().group("alpha").get();
    site.with(
        new GroupState("alpha", "Alpha Center", List.of(), alpha.roleIds(), alpha.permissions()));
    DesiredState drifted =
        DesiredState.of(
            WorkedExample.studies(),
            "nacc",
            Optional.of(new GroupState("nacc", "NACC", List.of(), List.of(), access)),
            ROLES,
            false);

    Plan<Change> plan = planner.plan(drifted, site.state());

    assertThat(plan.changes())
        .extracting(Change::describe)
        .contains(
            "add tag center-code-1006 to group alpha",
            "change u2@example.org's access to group alpha from rw to admin",
            "give u4@example.org ro access to group alpha",
            "give u4@example.org role admin on project release-tau/master-project")
        .hasSize(1 + 4 * 2 + 1);
    assertThat(plan.summary()).isEqualTo(summary(0, 0, 4, 1, 0, 17, 10));
  }

  @Test
  void aGroupWithAnotherLabelIsReportedAndKept() throws Exception {
    SiteModel site =
        site().with(new GroupState("alpha", "Alpha ADRC", List.of(), List.of(), Map.of()));

    Plan<Change> plan = planner.plan(desired(false), site.state());

    assertThat(plan.notices())
        .containsExactly(
            "group alpha exists with label 'Alpha ADRC', the project file names it 'Alpha"
                + " Center'; the label is left as it is");
    assertThat(plan.changes()).filteredOn(c -> c instanceof Change.CreateGroup).hasSize(3);
  }

  @Test
  void existingRolesOnAProjectAreKept() throws Exception {
    SiteModel site = site().with(WorkedExample.nacc());
    site.apply(planner.plan(desired(false), site.state()));
    SiteState state = site.state();
    Map<String, List<ProjectState>> projects = new HashMap<>(state.projects());
    ProjectState master = state.projects("release-tau", "master-project").get(0);
    projects.put(
        "release-tau",
        List.of(
            new ProjectState(
                master.id(),
                "release-tau",
                "master-project",
                List.of(),
                Map.of("u1@example.org", Set.of(CURATE.id())))));

    Plan<Change> plan = planner.plan(desired(false), new SiteState(state.groups(), projects));

    assertThat(plan.changes())
        .extracting(Change::describe)
        .containsExactly(
            "set u1@example.org's roles on project release-tau/master-project to curate, admin",
            "give u2@example.org role admin on project release-tau/master-project",
            "give u3@example.org role admin on project release-tau/master-project");
  }

  @Test
  void newOnlyKeepsCentersTaggedNew() throws Exception {
    DesiredState desired =
        DesiredState.of(
            List.of(
                new project_app.definition.StudyDefinition(
                    "S",
                    "s",
                    List.of(
                        new project_app.definition.CenterDefinition(
                            "A", "a1", true, List.of("new-center"), 3),
                        new project_app.definition.CenterDefinition("B", "b1", true, List.of(), 4)),
                    List.of("form"),
                    false,
                    true,
                    1)),
            "nacc",
            WorkedExample.admin(),
            ROLES,
            true);

    assertThat(desired.groups()).extracting(g -> g.id()).containsExactly("a1");
    assertThat(desired.projects())
        .extracting(ProjectSpec::label)
        .containsExactly("ingest-form", "retrospective-form", "accepted", "metadata");
  }

  @Test
  void missingRolesAndAdminGroupAreNoticesButAMissingAdminRoleStopsBeforeAnyWrite() {
    Map<String, RoleRef> onlyAdmin = Map.of("admin", ADMIN);

    assertThatThrownBy(
            () ->
                DesiredState.of(
                    WorkedExample.studies(), "nacc", WorkedExample.admin(), Map.of(), false))
        .isInstanceOf(GearExecutionException.class)
        .hasMessage(
            "the site has no role labelled admin, which release-tau/master-project needs;"
                + " nothing was changed");
    assertThat(
            catchNotices(
                () ->
                    DesiredState.of(
                        WorkedExample.studies(), "nacc", Optional.empty(), onlyAdmin, false)))
        .containsExactly(
            "admin group nacc not found: no user is given access to the groups and projects",
            "no site role curate: center groups are made without it",
            "no site role upload: center groups are made without it");
  }

  private static SiteModel site() {
    return new SiteModel("u1@example.org", ROLES);
  }

  private interface DesiredSupplier {
    DesiredState get() throws GearExecutionException;
  }

  private static List<String> catchNotices(DesiredSupplier supplier) {
    try {
      return supplier.get().notices();
    } catch (GearExecutionException e) {
      throw new AssertionError(e);
    }
  }

  /** The summary of groups and projects, as the gear counts them. */
  static Summary summary(int cg, int cp, int ug, int up, int ng, int np, int writes) {
    return new Summary(
        List.of(new Summary.Tally("group", cg, ug, ng), new Summary.Tally("project", cp, up, np)),
        writes);
  }
}
