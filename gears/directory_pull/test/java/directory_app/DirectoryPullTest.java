package directory_app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.Fault;
import fwgear.emulator.FlywheelEmulator;
import fwgear.engine.LoggedRun;
import fwgear.flywheel.FileEntry;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Project;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gear end to end against the local Flywheel on a free port, seeded with {@code
 * data/directory-seed.yaml}: the gear bot's key and the REDCap URL and token come from SSM, the
 * records from the local REDCap API over HTTP, the user file goes to nacc/project-admin.
 */
class DirectoryPullTest {
  static final Path SEED = Path.of("data/directory-seed.yaml");
  static final String TOKEN = "0A1B2C3D4E5F60718293A4B5C6D7E8F9";
  static final String FILE = "nacc-directory-users.yaml";
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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

  private LoggedRun run(Map<String, Object> overrides) throws Exception {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("dry_run", false);
    config.put("user_report_id", "101");
    config.putAll(overrides);
    Path base = GearRun.prepare(temp.resolve("run-" + ++runs), config);
    return GearRun.run(base, flywheel.awsEnvironment());
  }

  private LoggedRun run() throws Exception {
    return run(Map.of());
  }

  private Project adminProject() {
    return admin
        .findProject("nacc", "project-admin")
        .map(p -> admin.getProject(p.id()))
        .orElseThrow();
  }

  private Optional<FileEntry> userFile() {
    return adminProject().files().stream().filter(f -> f.name().equals(FILE)).findFirst();
  }

  private String content() {
    return new String(admin.downloadProjectFile(adminProject().id(), FILE), StandardCharsets.UTF_8);
  }

  private long writes() {
    return flywheel.requestLog().entries().stream()
        .filter(e -> e.isWrite() && e.path().startsWith("/api/"))
        .count();
  }

  @Test
  void completeRecordsBecomeTheUserFileAndTheOthersAreReportedByRecordId() throws Exception {
    LoggedRun result = run();

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(writes()).isEqualTo(1);
    assertThat(userFile().orElseThrow().mimetype()).isEqualTo("text/yaml");
    JsonNode entries = YAML.readTree(content());
    assertThat(entries).hasSize(3);
    assertThat(entries.findValuesAsText("email"))
        .containsExactly("alex@alpha.example", "nora@nacc.example", "olga@partner.example");
    assertThat(entries.get(0))
        .isEqualTo(
            YAML.readTree(
                """
                authorizations: {approve_data: false, audit_data: false, submit: [form, image], view_reports: true}
                center_id: 12
                credentials: {id: 0000-0001-0000-0001, type: orcid}
                email: alex@alpha.example
                name: {first_name: Alex, last_name: Alpha}
                org_name: Alpha ADRC
                submit_time: "2026-11-02 09:30:00"
                """));
    // NACC staff are center 0; an organisation that is no center is -1.
    assertThat(entries.get(1).path("center_id").asInt()).isZero();
    assertThat(entries.get(1).path("authorizations").path("submit")).isEmpty();
    assertThat(entries.get(1).path("authorizations").path("audit_data").asBoolean()).isTrue();
    assertThat(entries.get(1).path("authorizations").path("approve_data").asBoolean()).isTrue();
    assertThat(entries.get(2).path("center_id").asInt()).isEqualTo(-1);
    // A credential id of digits stays a string.
    assertThat(entries.get(2).path("credentials").path("id").isTextual()).isTrue();
    assertThat(content()).startsWith("- authorizations:");
    assertThat(result.log())
        .contains("6 records: 3 directory entries, 1 incomplete, 2 malformed")
        .contains(
            "Record 3: incomplete (flywheel_access_information_complete is 1, not 2), left out")
        .contains(
            "Record 4: malformed: fw_cred_sub_time '03/11/2026' is not yyyy-MM-dd HH:mm, left out")
        .contains("Record 5: malformed: email is blank, left out")
        .doesNotContain(TOKEN);
  }

  @Test
  void aRerunWritesNothingAndAChangedFileIsReplaced() throws Exception {
    assertThat(run().exitCode()).isZero();
    String first = content();
    flywheel.requestLog().clear();

    LoggedRun again = run();
    assertThat(again.exitCode()).as(again.log()).isZero();
    assertThat(writes()).isZero();
    assertThat(again.log()).contains("0 writes");

    // Someone edited the file in Flywheel: the next run puts the directory's version back.
    admin.uploadProjectFile(
        adminProject().id(), FILE, "- edited\n".getBytes(StandardCharsets.UTF_8), "text/yaml");
    flywheel.requestLog().clear();
    LoggedRun third = run();
    assertThat(third.exitCode()).as(third.log()).isZero();
    assertThat(writes()).isEqualTo(1);
    assertThat(third.log()).contains("replacing a file with other content");
    assertThat(content()).isEqualTo(first);
  }

  @Test
  void aDryRunWritesNothing() throws Exception {
    LoggedRun result = run(Map.of("dry_run", true));

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(writes()).isZero();
    assertThat(userFile()).isEmpty();
    assertThat(result.log())
        .contains("Dry run: 1 write planned")
        .contains("Dry run: would upload " + FILE + " (3 directory entries, ")
        .contains("to project nacc/project-admin");
  }

  @Test
  void aBadTokenIsOneLineNamingTheHostNotTheToken() throws Exception {
    LoggedRun result = run(Map.of("redcap_param_path", "/test/redcap/bad-token"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.log())
        .contains(
            "REDCap at 127.0.0.1:"
                + flywheel.port()
                + ": HTTP 403: You do not have permissions to use the API")
        .doesNotContain("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")
        .doesNotContain(TOKEN);
    assertThat(writes()).isZero();
  }

  @Test
  void aReportOfAnotherProjectAndAServerErrorFailTheRunWithoutWrites() throws Exception {
    LoggedRun other = run(Map.of("user_report_id", "999"));
    assertThat(other.exitCode()).isEqualTo(1);
    assertThat(other.log())
        .contains(
            ": HTTP 403: The API request cannot complete because report_id=999 does not belong to"
                + " this project.");

    flywheel.addFault(Fault.always("POST", "/redcap/api/", 500));
    LoggedRun failed = run();
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.log()).contains("REDCap at 127.0.0.1:" + flywheel.port() + ": HTTP 500");
    assertThat(failed.log()).doesNotContain(TOKEN);
    assertThat(writes()).isZero();
  }

  @Test
  void anAnswerThatIsNotJsonFailsTheRun() throws Exception {
    HttpServer html =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    html.createContext(
        "/",
        exchange -> {
          byte[] page = "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    html.start();
    try {
      String url = "http://127.0.0.1:" + html.getAddress().getPort() + "/api/";
      putParameter("/test/redcap/html/url", url);
      putParameter("/test/redcap/html/token", TOKEN);
      LoggedRun result = run(Map.of("redcap_param_path", "/test/redcap/html"));
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.log())
          .contains(
              "REDCap at 127.0.0.1:"
                  + html.getAddress().getPort()
                  + ": report 101 is not a JSON list of records (text/html)")
          .doesNotContain(TOKEN);
      assertThat(writes()).isZero();
    } finally {
      html.stop(0);
    }
  }

  @Test
  void missingParametersOrAdminProjectAreOneLine() throws Exception {
    LoggedRun none = run(Map.of("redcap_param_path", "/nothing/here"));
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.log())
        .contains("no REDCap project: the parameter store has no url, token under /nothing/here");

    LoggedRun group = run(Map.of("admin_group", "other"));
    assertThat(group.exitCode()).isEqualTo(1);
    assertThat(group.log()).contains("No admin group other on the site");
    assertThat(writes()).isZero();
  }

  /** The one ERROR line of a failed run: the engine's {@code Error: <message>}, no stack trace. */
  private static void assertOneErrorLine(LoggedRun result, String message) {
    assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
    assertThat(result.log().lines().filter(l -> l.contains(" - ERROR - ")))
        .singleElement()
        .satisfies(line -> assertThat(line).endsWith("] Error: " + message));
    assertThat(result.log()).doesNotContain("\tat ").doesNotContain(TOKEN);
  }

  /** The records of report 101, replaced through the local Flywheel's admin endpoint. */
  private void setRecords(String records) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(flywheel.baseUrl().resolve("/__admin/redcap/nacc-directory"))
                    .header("Authorization", "scitran-user " + flywheel.apiKey().reveal())
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"token\": \""
                                + TOKEN
                                + "\", \"reports\": [{\"id\": 101, \"records\": "
                                + records
                                + "}]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private static String record(String id, String email, String complete) {
    return """
        {"record_id": "%s", "firstname": "Pat", "lastname": "Lee", "email": "%s",
         "contact_company_name": "Alpha ADRC", "adresearchctr": "12", "fw_credential_type": "orcid",
         "fw_credential_id": "0000-0003-0000-00%s", "flywheel_access_activities": "a",
         "fw_cred_sub_time": "2026-11-20 10:00", "flywheel_access_information_complete": "%s"}
        """
        .formatted(id, email, id, complete);
  }

  @Test
  void recordsChangedInRedcapAtRunTimeReplaceTheFileOnceThenNothing() throws Exception {
    // A record without a record_id, one whose status is not a number, one of another shape.
    setRecords(
        "["
            + record("21", "pat@alpha.example", "2")
            + ", "
            + record("22", "sam@alpha.example", "done")
            + ", {\"firstname\": \"Anon\"}, "
            + record("23", "kim@alpha.example", "0")
            + "]");
    LoggedRun first = run();
    assertThat(first.exitCode()).as(first.log()).isZero();
    assertThat(first.log())
        .contains("4 records: 1 directory entry, 1 incomplete, 2 malformed")
        .contains("Record 22: malformed: ")
        .contains("Record in row 3 (no record_id): malformed: ")
        .contains("Record 23: incomplete (flywheel_access_information_complete is 0, not 2)");
    assertThat(YAML.readTree(content()).findValuesAsText("email"))
        .containsExactly("pat@alpha.example");
    assertThat(writes()).isEqualTo(1);

    // Someone completes record 23 in REDCap: one upload with both entries, then nothing.
    setRecords(
        "["
            + record("21", "pat@alpha.example", "2")
            + ", "
            + record("23", "kim@alpha.example", "2")
            + "]");
    flywheel.requestLog().clear();
    LoggedRun second = run();
    assertThat(second.exitCode()).as(second.log()).isZero();
    assertThat(writes()).isEqualTo(1);
    assertThat(second.log()).contains("replacing a file with other content");
    assertThat(YAML.readTree(content()).findValuesAsText("email"))
        .containsExactly("pat@alpha.example", "kim@alpha.example");

    flywheel.requestLog().clear();
    LoggedRun third = run(Map.of("dry_run", true));
    assertThat(third.log()).contains("0 writes");
    LoggedRun fourth = run();
    assertThat(fourth.exitCode()).isZero();
    assertThat(writes()).isZero();
  }

  @Test
  void anEmptyReportGivesAnEmptyDirectory() throws Exception {
    setRecords("[]");
    LoggedRun result = run();
    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(result.log()).contains("0 records: 0 directory entries, 0 incomplete, 0 malformed");
    assertThat(content()).isEqualTo("[]\n");
  }

  @Test
  void eachRedcapFailureIsOneErrorLineNamingTheHostNeverTheToken() throws Exception {
    String host = "REDCap at 127.0.0.1:" + flywheel.port();
    assertOneErrorLine(
        run(Map.of("redcap_param_path", "/test/redcap/bad-token")),
        host + ": HTTP 403: You do not have permissions to use the API");

    flywheel.addFault(Fault.always("POST", "/redcap/api/", 500));
    assertOneErrorLine(run(), host + ": HTTP 500 (application/json)");
    flywheel.clearFaults();

    // Busy answers are tried again: a 503 then the report.
    flywheel.addFault(Fault.always("POST", "/redcap/api/", 503).limitedTo(2));
    LoggedRun busy = run();
    assertThat(busy.exitCode()).as(busy.log()).isZero();
    assertThat(busy.log())
        .contains(host + ": HTTP 503; retrying in ")
        .contains("(try 3 of 5)")
        .doesNotContain(TOKEN);
    flywheel.clearFaults();
    flywheel.addFault(Fault.always("POST", "/redcap/api/", 503));
    assertOneErrorLine(run(), host + ": HTTP 503 (application/json)");
    flywheel.clearFaults();

    // Nothing listens: no answer, after the tries.
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    putParameter("/test/redcap/down/url", "http://127.0.0.1:" + closed + "/redcap/api/");
    putParameter("/test/redcap/down/token", TOKEN);
    assertOneErrorLine(
        run(Map.of("redcap_param_path", "/test/redcap/down")),
        "REDCap at 127.0.0.1:" + closed + ": no answer (ConnectException) after 5 tries");
    assertThat(userFile()).isPresent(); // the busy run's upload
  }

  @Test
  void aLostUploadAnswerIsNotSentTwiceAndAFlywheelErrorFailsTheRun() throws Exception {
    flywheel.addFault(Fault.always("POST", "/api/projects/.*/files", 503).whenDone().limitedTo(1));
    LoggedRun lost = run();
    assertThat(lost.exitCode()).as(lost.log()).isZero();
    assertThat(lost.log()).contains("the first try went through after all");
    assertThat(
            flywheel.requestLog().count("POST", "/api/projects/" + adminProject().id() + "/files"))
        .isEqualTo(1);
    assertThat(YAML.readTree(content())).hasSize(3);
    flywheel.clearFaults();

    admin.uploadProjectFile(
        adminProject().id(), FILE, "- edited\n".getBytes(StandardCharsets.UTF_8), "text/yaml");
    flywheel.addFault(Fault.always("POST", "/api/projects/.*/files", 500));
    LoggedRun failed = run();
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.log())
        .contains("Stopped after 0 of 1 write; could not upload " + FILE)
        .contains("HTTP 500")
        .doesNotContain("\tat ")
        .doesNotContain(TOKEN);
    assertThat(content()).isEqualTo("- edited\n");
  }

  private void putParameter(String name, String value) {
    try (var ssm =
        software.amazon.awssdk.services.ssm.SsmClient.builder()
            .httpClientBuilder(
                software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .endpointOverride(flywheel.baseUrl())
            .credentialsProvider(
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        flywheel.awsCredentials().accessKeyId(),
                        flywheel.awsCredentials().secretAccessKey())))
            .build()) {
      ssm.putParameter(b -> b.name(name).value(value).type("String").overwrite(true));
    }
  }
}
