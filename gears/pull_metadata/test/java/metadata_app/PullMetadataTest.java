package metadata_app;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.Fault;
import fwgear.emulator.FlywheelEmulator;
import fwgear.emulator.S3Server;
import fwgear.engine.LoggedRun;
import fwgear.flywheel.FileEntry;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Project;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gear end to end against the local Flywheel and its S3 endpoint (s3proxy), each on a free
 * port: the gear bot's key and the S3 credentials come from SSM, the tables from S3, the uploads go
 * to the center projects over HTTP.
 */
class PullMetadataTest {
  static final String BUCKET = "nacc-metadata";
  static final String LABEL = "metadata";
  static final String BOM = "\uFEFF";
  static final String VISITS_HEADER = BOM + "ADCID,VISIT,NOTE\r\n";
  static final String VISIT_12A = "12,1,\"two\r\nlines, \"\"quoted\"\"\"\r\n";
  static final String VISIT_7 = "7,1,plain\r\n";
  static final String VISIT_12B = "12,2,\r\n";
  static final String VISIT_99 = "99,1,no project\r\n";
  static final String VISITS = VISITS_HEADER + VISIT_12A + VISIT_7 + VISIT_12B + VISIT_99;
  static final String FORMS =
      "FORM,SITE\nA1,Alpha ADRC (ADC 12)\nB1,\"Beta, the second (ADC 7)\"\nC1,unknown\n";

  @TempDir Path temp;
  FlywheelEmulator flywheel;
  FlywheelClient admin;
  S3Server s3;
  int runs;

  @BeforeEach
  void start() throws Exception {
    flywheel = FlywheelEmulator.start(EmulatorOptions.inMemory().withS3(0));
    admin = FlywheelClient.connect(flywheel.apiKey());
    s3 = flywheel.s3().orElseThrow();
    center("alpha", "adcid-12", true);
    center("beta", "adcid-7", true);
    center("gamma", "adcid-99", false);
    admin.createGroup("other", "Not a center");
    admin.createProject("other", LABEL, "");
    put("visits.csv", VISITS);
    put("tables/forms.csv", FORMS);
    flywheel.requestLog().clear();
  }

  @AfterEach
  void stop() {
    flywheel.close();
  }

  private void center(String group, String tag, boolean withProject) {
    admin.createGroup(group, group.toUpperCase());
    admin.addGroupTag(group, tag);
    admin.createProject(group, "other-project", "");
    if (withProject) {
      admin.createProject(group, LABEL, "");
    }
  }

  private void put(String key, String text) {
    s3.putObject(BUCKET, key, text.getBytes(StandardCharsets.UTF_8), "text/csv");
  }

  private LoggedRun run(boolean dryRun, List<String> tables) throws Exception {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("dry_run", dryRun);
    config.put("s3_param_path", "/prod/flywheel/gearbot/s3");
    config.put("bucket_name", BUCKET);
    config.put("destination_label", LABEL);
    config.put("table_list", tables);
    Path base = GearRun.prepare(temp.resolve("run-" + ++runs), config);
    return GearRun.run(base, flywheel.awsEnvironment());
  }

  private LoggedRun run(boolean dryRun) throws Exception {
    return run(dryRun, List.of("visits.csv", "tables/forms.csv"));
  }

  private Project project(String group) {
    return admin.findProject(group, LABEL).map(p -> admin.getProject(p.id())).orElseThrow();
  }

  private Optional<FileEntry> file(String group, String name) {
    return project(group).files().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private String content(String group, String name) {
    return new String(admin.downloadProjectFile(project(group).id(), name), StandardCharsets.UTF_8);
  }

  private long uploads() {
    return flywheel.requestLog().count("POST", "/api/projects/[^/]+/files");
  }

  private long writes() {
    return flywheel.requestLog().entries().stream()
        .filter(e -> e.isWrite() && e.path().startsWith("/api/"))
        .count();
  }

  @Test
  void splitsTablesByAdcidAndBySiteAndReportsWhatItCouldNotDeliver() throws Exception {
    LoggedRun result = run(false, List.of("visits.csv", "missing.csv", "tables/forms.csv"));

    // The missing table fails the run (exit 1) after the other tables were delivered.
    assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
    assertThat(content("alpha", "visits.csv")).isEqualTo(VISITS_HEADER + VISIT_12A + VISIT_12B);
    assertThat(content("beta", "visits.csv")).isEqualTo(VISITS_HEADER + VISIT_7);
    assertThat(content("alpha", "forms.csv")).isEqualTo("FORM,SITE\nA1,Alpha ADRC (ADC 12)\n");
    assertThat(content("beta", "forms.csv"))
        .isEqualTo("FORM,SITE\nB1,\"Beta, the second (ADC 7)\"\n");
    assertThat(file("alpha", "visits.csv").orElseThrow().mimetype()).isEqualTo("text/csv");
    assertThat(admin.groupProjects("gamma").get(0).files()).isEmpty();
    assertThat(
            admin
                .findProject("other", LABEL)
                .map(p -> admin.getProject(p.id()))
                .orElseThrow()
                .files())
        .isEmpty();
    assertThat(uploads()).isEqualTo(4);
    assertThat(result.log())
        .contains("File missing.csv not found in bucket nacc-metadata")
        .contains(
            "Table visits.csv: no project labelled metadata for ADCID 99 (group gamma); 1 row not uploaded")
        .contains("Table tables/forms.csv: 1 row whose SITE names no center, not uploaded (line 4)")
        .contains("Created 4 files")
        .contains("1 of 3 tables could not be split: File missing.csv not found in bucket")
        .doesNotContain("emulator-gearbot-key")
        .doesNotContain(flywheel.awsCredentials().secretAccessKey());
  }

  @Test
  void aDryRunWritesNothingAndARerunUploadsNothing() throws Exception {
    LoggedRun dry = run(true);

    assertThat(dry.exitCode()).as(dry.log()).isZero();
    assertThat(writes()).isZero();
    assertThat(dry.log())
        .contains("Dry run: 4 writes planned")
        .contains("Dry run: would upload visits.csv (2 rows of ADCID 12, ")
        .contains("Dry run, nothing written. Would have created 4 files");
    assertThat(file("alpha", "visits.csv")).isEmpty();

    LoggedRun real = run(false);
    assertThat(real.exitCode()).as(real.log()).isZero();
    assertThat(uploads()).isEqualTo(4);

    flywheel.requestLog().clear();
    LoggedRun rerun = run(false);
    assertThat(rerun.exitCode()).as(rerun.log()).isZero();
    assertThat(uploads()).isZero();
    assertThat(writes()).isZero();
    assertThat(rerun.log()).contains("unchanged 4 files (0 writes)");

    // One center's rows change: only that center's file is uploaded again, as a new version.
    put("visits.csv", VISITS + "7,2,new\r\n");
    flywheel.requestLog().clear();
    LoggedRun changed = run(false);
    assertThat(changed.exitCode()).as(changed.log()).isZero();
    assertThat(uploads()).isEqualTo(1);
    assertThat(file("beta", "visits.csv").orElseThrow().version()).isEqualTo(2);
    assertThat(file("alpha", "visits.csv").orElseThrow().version()).isEqualTo(1);
    assertThat(content("beta", "visits.csv")).isEqualTo(VISITS_HEADER + VISIT_7 + "7,2,new\r\n");
  }

  @Test
  void withOneFlywheelRequestInFiveFailingNoFileGetsASecondVersion() throws Exception {
    // Half of the faults lose the answer of a request that was carried out (an upload must be
    // checked by hash before it is sent again), half refuse it before it runs.
    // One certain hit, so that the test never passes without a fault: the first upload is stored
    // and its answer lost.
    flywheel.addFault(
        Fault.always("POST", "/api/projects/[^/]+/files", 503).whenDone().limitedTo(1));
    flywheel.addFault(new Fault(Optional.empty(), "/api/.*", 503, 0.1, 0, true, -1));
    flywheel.addFault(new Fault(Optional.empty(), "/api/.*", 503, 0.1 / 0.9, 0, false, -1));

    LoggedRun result = run(false);
    int attempts = 1;
    while (result.exitCode() != 0 && attempts < 3) {
      result = run(false); // a request that failed every retry stops the run; rerun from the state
      attempts++;
    }
    flywheel.clearFaults();

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(flywheel.requestLog().entries().stream().filter(e -> e.status() == 503).count())
        .isPositive();
    for (String group : List.of("alpha", "beta")) {
      for (String name : List.of("visits.csv", "forms.csv")) {
        assertThat(file(group, name).orElseThrow().version()).as(group + "/" + name).isEqualTo(1);
      }
    }
    assertThat(content("alpha", "visits.csv")).isEqualTo(VISITS_HEADER + VISIT_12A + VISIT_12B);
    flywheel.requestLog().clear();
    assertThat(run(false).exitCode()).isZero();
    assertThat(uploads()).isZero();
  }

  @Test
  void aTableWithoutSiteColumnIsAnErrorAndTheOthersStillGo() throws Exception {
    put("nosite.csv", "A,B\n1,2\n");

    LoggedRun result = run(false, List.of("nosite.csv", "visits.csv"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.log()).contains("nosite.csv: line 1: the header has no ADCID or SITE column");
    assertThat(content("beta", "visits.csv")).isEqualTo(VISITS_HEADER + VISIT_7);
  }

  @Test
  void aConfigWithoutTablesIsRefusedBeforeAnyRequest() throws Exception {
    LoggedRun result = run(false, List.of());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.log()).contains("table_list");
    assertThat(flywheel.requestLog().entries()).isEmpty();
  }
}
