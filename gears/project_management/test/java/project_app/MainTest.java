package project_app;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.plan.Summary;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import project_app.definition.ProjectFile;
import project_app.definition.StudyDefinition;
import project_app.site.SiteModel;
import project_app.state.GroupState;
import project_app.state.RoleRef;

class MainTest {
  static final Map<String, RoleRef> ROLES =
      Map.of(
          "admin", new RoleRef("r1", "admin"),
          "curate", new RoleRef("r2", "curate"),
          "upload", new RoleRef("r3", "upload"));

  private final List<StudyDefinition> studies =
      ProjectFile.read(Path.of("data/test-project.yaml"), "test-project.yaml").studies();

  private static SiteModel site() {
    Map<String, String> access = new LinkedHashMap<>();
    access.put("admin@x.org", "admin");
    access.put("reader@x.org", "ro");
    return new SiteModel("admin@x.org", ROLES)
        .with(new GroupState("nacc", "NACC", List.of(), List.of(), access));
  }

  private static Main main(SiteModel site, boolean dryRun) {
    return new Main(site, new Main.Options("nacc", dryRun, false));
  }

  @Test
  void aDryRunOnAnEmptySiteWritesNothingAndSaysWhatItWouldDo() throws Exception {
    SiteModel site = site();

    Summary summary = main(site, true).run(studies);

    assertThat(site.writes()).isEmpty();
    assertThat(summary.tally("group").created()).isEqualTo(4);
    assertThat(summary.tally("project").created()).isEqualTo(18);
    assertThat(summary.format(true))
        .startsWith("Dry run, nothing written. Would have created 4 groups and 18 projects;");
  }

  @Test
  void aSecondIdenticalRunWritesNothing() throws Exception {
    SiteModel site = site();
    Summary first = main(site, false).run(studies);
    int writes = site.writes().size();
    int readsBefore = site.reads();

    Summary second = main(site, false).run(studies);

    // master-project's roles: 2, not 3, as its creator already has the admin role Flywheel gives.
    assertThat(writes).isEqualTo(first.writes()).isEqualTo(4 + 3 + 6 + 4 + 18 + 10 + 1);
    assertThat(site.writes()).hasSize(writes);
    assertThat(second).isEqualTo(summary(0, 0, 0, 0, 4, 18, 0));
    // roles, admin group, then a group and its projects per group; no current user (no create)
    assertThat(site.reads() - readsBefore).isEqualTo(1 + 1 + 4 * 2);
  }

  @Test
  void aDryRunAfterARealRunPlansOnlyTheDrift() throws Exception {
    SiteModel site = site();
    main(site, false).run(studies);
    GroupState nacc = site.state().group("nacc").get();
    Map<String, String> access = new LinkedHashMap<>(nacc.permissions());
    access.put("new@x.org", "rw");
    site.with(new GroupState("nacc", "NACC", List.of(), List.of(), access));
    int writes = site.writes().size();

    Summary summary = main(site, true).run(studies);

    assertThat(site.writes()).hasSize(writes);
    assertThat(summary).isEqualTo(summary(0, 0, 4, 1, 0, 17, 5));
  }

  /** The summary of groups and projects, as the gear counts them. */
  static Summary summary(int cg, int cp, int ug, int up, int ng, int np, int writes) {
    return new Summary(
        List.of(new Summary.Tally("group", cg, ug, ng), new Summary.Tally("project", cp, up, np)),
        writes);
  }
}
