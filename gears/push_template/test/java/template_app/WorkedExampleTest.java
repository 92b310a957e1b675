package template_app;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.Fault;
import fwgear.emulator.FlywheelEmulator;
import fwgear.emulator.RequestLog;
import fwgear.engine.LoggedRun;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.GearRule;
import fwgear.flywheel.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/push_template/index.md against the local Flywheel server on a free
 * port: the exact state after a run, the request counts of a first and a second run, new_only, a
 * bad template (exit 2, nothing written), a dry run (nothing written, and the printed plan is what
 * the real run then does), and 20 % injected faults (the same state, no duplicates).
 */
class WorkedExampleTest {
  static final List<String> CENTERS = List.of("alpha", "beta-inactive", "gamma-adrc");
  static final Path EXPECTED = Path.of("data/worked-example-state.txt");

  @TempDir Path temp;
  FlywheelEmulator flywheel;
  FlywheelClient admin;

  @BeforeEach
  void start() throws Exception {
    flywheel = FlywheelEmulator.start(EmulatorOptions.inMemory().withSeedFile(WorkedSite.SEED));
    admin = FlywheelClient.connect(flywheel.apiKey());
    WorkedSite.create(admin);
  }

  @AfterEach
  void stop() {
    flywheel.close();
  }

  LoggedRun runGear(Map<String, Object> config) throws Exception {
    Path base = GearRun.prepare(temp.resolve("v0"), flywheel.apiKey(), config);
    flywheel.requestLog().clear();
    return GearRun.run(base);
  }

  long writes() {
    return requests().stream().filter(RequestLog.Entry::isWrite).count();
  }

  long reads() {
    return requests().stream().filter(e -> !e.isWrite()).count();
  }

  List<RequestLog.Entry> requests() {
    return flywheel.requestLog().entries().stream()
        .filter(entry -> entry.path().startsWith("/api/"))
        .toList();
  }

  String state() {
    return SiteState.render(admin, CENTERS);
  }

  static String expectedState() throws Exception {
    return Files.readString(EXPECTED);
  }

  /** The change lines a run logged: "Dry run: would x" in a dry run, "X" in a real run. */
  static List<String> changeLines(String log, boolean dryRun) {
    Pattern line =
        dryRun
            ? Pattern.compile("Dry run: would (.*)$")
            : Pattern.compile(
                "fwgear\\.plan\\.Applier\\] (Upload|Add|Update|Remove|Give|Set) (.*)$");
    return Arrays.stream(log.split("\n"))
        .map(String::strip)
        .map(line::matcher)
        .filter(Matcher::find)
        .map(m -> dryRun ? m.group(1) : m.group(1).toLowerCase() + " " + m.group(2))
        .toList();
  }

  @Test
  void theFirstRunMakesTheWorkedExampleAndTheSecondWritesNothing() throws Exception {
    LoggedRun first = runGear(Map.of());
    long firstWrites = writes();
    long firstReads = reads();

    assertThat(first.exitCode()).as(first.log()).isZero();
    assertThat(state()).isEqualTo(expectedState());
    assertThat(firstWrites).isEqualTo(65);
    // 40 reads to plan, plus the two template files read once each to copy them.
    assertThat(firstReads).isEqualTo(42);
    assertThat(first.log())
        .contains("template nacc/form-qc-template names an unknown pipeline stage 'qc'")
        .contains("Created 0 projects; updated 12 projects; unchanged 0 projects (65 writes)");

    LoggedRun second = runGear(Map.of());

    long secondWrites = writes();
    long secondReads = reads();
    assertThat(second.exitCode()).as(second.log()).isZero();
    assertThat(secondWrites).isZero();
    // 2 per template (4), 2 per pipeline project with a template (12), 1 per center (3), and
    // the admin group, its projects, the center groups, the roles and the site config.
    assertThat(secondReads).isEqualTo(2 * 4 + 2 * 12 + 3 + 5);
    assertThat(second.log()).contains("unchanged 12 projects (0 writes)");
    assertThat(state()).isEqualTo(expectedState());
  }

  @Test
  void newOnlyPushesToTheNewCentersAlone() throws Exception {
    LoggedRun result = runGear(Map.of("new_only", true));
    long written = writes();

    assertThat(result.exitCode()).as(result.log()).isZero();
    String expected = expectedState();
    String gamma = expected.substring(expected.indexOf("gamma-adrc/"));
    assertThat(state()).endsWith(gamma);
    // Untouched: nothing but the admin role Flywheel gave the projects' creator.
    assertThat(
            SiteState.render(admin, List.of("alpha", "beta-inactive"))
                .replace("  roles: admin@nacc.example admin\n", ""))
        .doesNotContain("rules:", "roles:", "description:", "apps:", "files:");
    // gamma-adrc: 3 projects; form ingest 2 rules + file + 2 roles + description + apps, form
    // retrospective 2 rules + file + role + description, accepted 2 rules + role + description +
    // apps.
    assertThat(written).isEqualTo(7 + 5 + 5);
  }

  @Test
  void aDescriptionWithAnUnknownVariableStopsTheGearBeforeAnyWrite() throws Exception {
    Project template = admin.findProject("nacc", "dicom-ingest-template").orElseThrow();
    admin.setProjectDescription(template.id(), "Imaging of $adrc,\nled by $director; costs $5");

    LoggedRun result = runGear(Map.of());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(writes()).isZero();
    assertThat(result.log())
        .contains(
            "nacc/dicom-ingest-template:2: description: template-description: unknown variable"
                + " $director")
        .contains(
            "nacc/dicom-ingest-template:2: description: template-description: malformed"
                + " placeholder '$5'");
    assertThat(state()).doesNotContain("rules:", "description:");
  }

  @Test
  void aFixedInputFileMissingFromItsTemplateStopsTheGearBeforeAnyWrite() throws Exception {
    Project template = admin.findProject("nacc", "form-retrospective-template").orElseThrow();
    GearRule rule =
        admin.projectRules(template.id()).stream()
            .filter(r -> r.name().equals("form-import"))
            .findFirst()
            .orElseThrow();
    // The file the rule needs is gone from the template project (a rule names it still).
    admin.modifyProjectRule(
        template.id(),
        rule.id(),
        rule.asInput(
            template.id(),
            List.of(
                new GearRule.FixedInput(
                    "project", template.id(), "form-qc-settings.json", "input_file", null))));
    flywheelDeleteFile(template.id(), "form-qc-settings.json");

    LoggedRun result = runGear(Map.of());

    assertThat(result.exitCode()).as(result.log()).isEqualTo(2);
    assertThat(writes()).isZero();
    assertThat(result.log())
        .contains(
            "nacc/form-retrospective-template: rules.form-import.fixed_inputs.input_file: template-fixed-input: gear rule form-import");
  }

  private void flywheelDeleteFile(String projectId, String name) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> answer =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        admin.baseUrl() + "/projects/" + projectId + "/files/" + name))
                .header("Authorization", "scitran-user " + flywheel.apiKey().reveal())
                .DELETE()
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
  }

  @Test
  void aDryRunWritesNothingAndPrintsWhatTheRealRunThenDoes() throws Exception {
    LoggedRun dry = runGear(Map.of("dry_run", true));

    assertThat(dry.exitCode()).as(dry.log()).isZero();
    assertThat(writes()).isZero();
    assertThat(dry.log()).contains("Dry run: 65 writes planned");
    List<String> planned = changeLines(dry.log(), true);
    assertThat(planned).hasSize(65);

    LoggedRun real = runGear(Map.of());

    assertThat(real.exitCode()).as(real.log()).isZero();
    assertThat(changeLines(real.log(), false)).isEqualTo(planned);
    assertThat(writes()).isEqualTo(65);
  }

  @Test
  void withOneRequestInFiveFailingTheStateIsTheSameAndNothingIsDuplicated() throws Exception {
    // Half of the faults lose the answer of a request that was carried out (the client must check
    // before sending a create again), half refuse it before it runs.
    flywheel.addFault(new Fault(Optional.empty(), "/api/.*", 503, 0.1, 0, true, -1));
    flywheel.addFault(new Fault(Optional.empty(), "/api/.*", 503, 0.1 / 0.9, 0, false, -1));

    LoggedRun result = runGear(Map.of());
    int runs = 1;
    while (result.exitCode() != 0 && runs < 3) {
      // A request that failed every retry stops the run; a rerun plans from what is there.
      result = runGear(Map.of());
      runs++;
    }
    flywheel.clearFaults();

    assertThat(result.exitCode()).as(result.log()).isZero();
    long faulted = flywheel.requestLog().entries().stream().filter(e -> e.status() == 503).count();
    assertThat(faulted).isPositive();
    assertThat(state()).isEqualTo(expectedState());
    for (String group : CENTERS) {
      for (Project project : admin.groupProjects(group)) {
        List<String> names = admin.projectRules(project.id()).stream().map(GearRule::name).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(SiteState.fileCounts(project).values()).allMatch(count -> count == 1);
      }
    }
    LoggedRun rerun = runGear(Map.of());
    assertThat(rerun.exitCode()).isZero();
    assertThat(writes()).isZero();
    System.out.println(
        "faults: "
            + runs
            + " run(s), "
            + faulted
            + " answers were 503; "
            + result.log().lines().filter(l -> l.contains("retrying")).count()
            + " retries in the last run");
  }

  @Test
  void eachAcceptedProjectOfACenterGetsTheAcceptedTemplate() throws Exception {
    runGear(Map.of());

    for (String label : List.of("accepted-tau", "accepted-zeta")) {
      Project project = admin.findProject("alpha", label).orElseThrow();
      assertThat(
              admin.projectRules(project.id()).stream()
                  .map(GearRule::name)
                  .collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("accepted-export", "accepted-summary");
    }
  }

  @Test
  void aChangedTemplateRuleIsUpdatedInPlaceAndAChangedFileUploadedAgain() throws Exception {
    runGear(Map.of());
    Project template = admin.findProject("nacc", "form-retrospective-template").orElseThrow();
    GearRule qc =
        admin.projectRules(template.id()).stream()
            .filter(r -> r.name().equals("form-qc"))
            .findFirst()
            .orElseThrow();
    admin.modifyProjectRule(
        template.id(),
        qc.id(),
        new GearRule(
            null,
            null,
            qc.gearId(),
            null,
            qc.name(),
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("strict", true),
            qc.fixedInputs(),
            qc.autoUpdate(),
            qc.any(),
            qc.all(),
            qc.not(),
            qc.disabled(),
            null,
            null,
            null));
    Project destination = admin.findProject("alpha", "retrospective-form-tau").orElseThrow();
    String ruleId =
        admin.projectRules(destination.id()).stream()
            .filter(r -> r.name().equals("form-qc"))
            .findFirst()
            .orElseThrow()
            .id();

    LoggedRun result = runGear(Map.of());

    assertThat(result.exitCode()).as(result.log()).isZero();
    // 4 retrospective form projects: one PUT each, nothing else.
    assertThat(writes()).isEqualTo(4);
    assertThat(requests().stream().filter(RequestLog.Entry::isWrite).map(RequestLog.Entry::method))
        .containsOnly("PUT");
    GearRule updated =
        admin.projectRules(destination.id()).stream()
            .filter(r -> r.name().equals("form-qc"))
            .findFirst()
            .orElseThrow();
    assertThat(updated.id()).isEqualTo(ruleId);
    assertThat(updated.config().path("strict").asBoolean()).isTrue();

    // New bytes for the template's settings file: uploaded again where the hash differs (the 4
    // retrospective form projects), and their form-qc rules follow the new file version.
    admin.uploadProjectFile(
        template.id(),
        "form-qc-settings.json",
        "{\"strict\": false}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        null);
    result = runGear(Map.of());
    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(writes()).isEqualTo(4 + 4);
    assertThat(destination(admin, "alpha", "retrospective-form-tau").file("form-qc-settings.json"))
        .map(fwgear.flywheel.FileEntry::version)
        .contains(2);
    assertThat(runGear(Map.of()).exitCode()).isZero();
    assertThat(writes()).isZero();
  }

  private static Project destination(FlywheelClient client, String group, String label) {
    return client.findProject(group, label).orElseThrow();
  }
}
