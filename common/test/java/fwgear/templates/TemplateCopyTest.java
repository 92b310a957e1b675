package fwgear.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.flywheel.FileEntry;
import fwgear.flywheel.GearRule;
import fwgear.flywheel.Project;
import fwgear.flywheel.RolePermission;
import fwgear.flywheel.ViewerApp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateCopyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> VALUES =
      Map.of("adrc", "Alpha", "project_id", "dest", "site", "https://fw");

  private static GearRule rule(String id, String project, String name, String type, String file) {
    return new GearRule(
        id,
        project,
        "gear-1",
        null,
        name,
        null,
        file == null
            ? List.of()
            : List.of(new GearRule.FixedInput("project", project, file, "settings", 1)),
        false,
        List.of(),
        List.of(new GearRule.Condition("file.type", type, null)),
        List.of(),
        false,
        null,
        null,
        null);
  }

  private static FileEntry file(String name, String hash) {
    return new FileEntry("f-" + name, name, "application/json", 2, hash, Map.of(), 1, null);
  }

  private static Project project(
      String id, String description, List<RolePermission> roles, List<FileEntry> files) {
    return new Project(id, id, "g", description, roles, Map.of(), List.of(), files);
  }

  private static ViewerApp app(String name) {
    return ViewerApp.of(JSON.createObjectNode().put("name", name));
  }

  private final ProjectSnapshot template =
      new ProjectSnapshot(
          project(
              "tpl",
              "Ingest of $adrc",
              List.of(new RolePermission("u1", List.of("curate"))),
              List.of(file("qc.json", "v0-sha384-aa"))),
          List.of(
              rule("r1", "tpl", "qc", "tabular data", "qc.json"),
              rule("r2", "tpl", "split", "text", null)),
          List.of(app("viewer")));

  @Test
  void aFreshProjectGetsEverything() {
    ProjectSnapshot empty =
        new ProjectSnapshot(project("dest", "", List.of(), List.of()), List.of(), List.of());

    TemplateCopy copy = TemplateCopy.of(template, empty, VALUES);

    assertThat(copy.files()).extracting(FileEntry::name).containsExactly("qc.json");
    assertThat(copy.rules()).extracting(w -> w.rule().name()).containsExactly("qc", "split");
    assertThat(copy.rules()).allMatch(w -> w.existingId().isEmpty());
    assertThat(copy.rules().get(0).rule().fixedInputs())
        .containsExactly(new GearRule.FixedInput("project", "dest", "qc.json", "settings", null));
    assertThat(copy.roles())
        .containsExactly(new TemplateCopy.RoleGrant("u1", List.of("curate"), false));
    assertThat(copy.description()).contains("Ingest of Alpha");
    assertThat(copy.apps()).contains(List.of(app("viewer")));
  }

  @Test
  void aProjectThatMatchesGetsNothing() {
    ProjectSnapshot done =
        new ProjectSnapshot(
            project(
                "dest",
                "Ingest of Alpha",
                List.of(new RolePermission("u1", List.of("upload", "curate"))),
                List.of(file("qc.json", "v0-sha384-aa"))),
            List.of(
                rule("d1", "dest", "qc", "tabular data", "qc.json"),
                rule("d2", "dest", "split", "text", null)),
            List.of(app("viewer")));

    assertThat(TemplateCopy.of(template, done, VALUES).isEmpty()).isTrue();
  }

  @Test
  void rulesAreReplacedByNameAndOthersRemoved() {
    ProjectSnapshot dest =
        new ProjectSnapshot(
            project(
                "dest",
                "old",
                List.of(new RolePermission("u1", List.of("upload"))),
                List.of(file("qc.json", "v0-sha384-bb"))),
            List.of(
                rule("d1", "dest", "qc", "tabular data", "qc.json"),
                rule("d2", "dest", "split", "source code", null),
                rule("d3", "dest", "local", "text", null)),
            List.of(app("other")));

    TemplateCopy copy = TemplateCopy.of(template, dest, VALUES);

    // The file's hash differs: uploaded again, and the rule naming it follows the new version.
    assertThat(copy.files()).extracting(FileEntry::name).containsExactly("qc.json");
    assertThat(copy.rules())
        .extracting(w -> w.rule().name(), TemplateCopy.RuleWrite::existingId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("qc", Optional.of("d1")),
            org.assertj.core.groups.Tuple.tuple("split", Optional.of("d2")));
    assertThat(copy.deletedRules()).extracting(GearRule::id).containsExactly("d3");
    assertThat(copy.roles())
        .containsExactly(new TemplateCopy.RoleGrant("u1", List.of("upload", "curate"), true));
    assertThat(copy.description()).contains("Ingest of Alpha");
    assertThat(copy.apps()).contains(List.of(app("viewer")));
  }

  @Test
  void aTemplateWithoutRulesOrAppsLeavesThemAlone() {
    ProjectSnapshot bare =
        new ProjectSnapshot(project("tpl", "", List.of(), List.of()), List.of(), List.of());
    ProjectSnapshot dest =
        new ProjectSnapshot(
            project("dest", "mine", List.of(), List.of()),
            List.of(rule("d1", "dest", "local", "text", null)),
            List.of(app("other")));

    assertThat(TemplateCopy.of(bare, dest, VALUES).isEmpty()).isTrue();
  }

  @Test
  void aTemplateNamingAMissingFileOrAnUnknownVariableIsAProblem() {
    ProjectSnapshot broken =
        new ProjectSnapshot(
            project("tpl", "For $center", List.of(), List.of()),
            List.of(rule("r1", "tpl", "qc", "text", "absent.json")),
            List.of());

    assertThat(TemplateCopy.problems(broken))
        .extracting(fwgear.problem.Problem::format)
        .containsExactly(
            "g/tpl: rules.qc.fixed_inputs.settings: template-fixed-input: gear rule qc: fixed input settings names file"
                + " absent.json, which the template project does not have",
            "g/tpl:1: description: template-description: unknown variable $center (known: $adrc,"
                + " $project_id, $site) (column 5)");
    assertThatThrownBy(() -> TemplateCopy.of(broken, broken, VALUES))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
