package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REDCap report API over real HTTP, as NACC's REDCapConnection calls it. */
class RedcapApiTest {
  static final String TOKEN = "0A1B2C3D4E5F60718293A4B5C6D7E8F9";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static FlywheelEmulator server;

  @TempDir Path temp;

  @BeforeAll
  static void start() throws IOException {
    server = FlywheelEmulator.start(EmulatorOptions.inMemory().withPort(0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The fields NACC's directory pull sends, with the token and report id given. */
  static Map<String, String> naccRequest(String token, String reportId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    form.put("content", "report");
    form.put("report_id", reportId);
    form.put("csvDelimiter", "");
    form.put("rawOrLabel", "raw");
    form.put("rawOrLabelHeaders", "raw");
    form.put("exportCheckboxLabel", "false");
    form.put("returnFormat", "json");
    form.put("format", "json");
    return form;
  }

  static HttpResponse<String> post(URI url, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HTTP.send(
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSeededReportIsAJsonArrayOfStringValuedRecords() throws Exception {
    assertThat(server.redcapUrl().toString())
        .isEqualTo("http://127.0.0.1:" + server.port() + "/redcap/api/");

    HttpResponse<String> answer = post(server.redcapUrl(), naccRequest(TOKEN, "101"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    JsonNode records = JSON.readTree(answer.body());
    assertThat(records.isArray()).isTrue();
    assertThat(records).hasSize(3);
    assertThat(records.get(0).path("record_id").asText()).isEqualTo("1");
    assertThat(records.get(0).path("flywheel_access_information_complete").isTextual()).isTrue();
    assertThat(records.get(1).path("adresearchctr").asText()).isEmpty();
  }

  @Test
  void anUnknownOrMalformedTokenIs403InEachReturnFormat() throws Exception {
    HttpResponse<String> unknown =
        post(server.redcapUrl(), naccRequest("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "101"));
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(unknown.body()).path("error").asText())
        .isEqualTo("You do not have permissions to use the API");

    HttpResponse<String> malformed = post(server.redcapUrl(), naccRequest(TOKEN + "-", "101"));
    assertThat(malformed.statusCode()).isEqualTo(403);

    Map<String, String> csv = naccRequest("nope", "101");
    csv.put("returnFormat", "csv");
    HttpResponse<String> csvAnswer = post(server.redcapUrl(), csv);
    assertThat(csvAnswer.statusCode()).isEqualTo(403);
    assertThat(csvAnswer.body()).isEqualTo("ERROR: You do not have permissions to use the API");

    Map<String, String> xml = naccRequest("nope", "101");
    xml.remove("returnFormat");
    xml.remove("format");
    HttpResponse<String> xmlAnswer = post(server.redcapUrl(), xml);
    assertThat(xmlAnswer.statusCode()).isEqualTo(403);
    assertThat(xmlAnswer.body())
        .startsWith("<?xml")
        .contains("<hash><error>You do not have permissions to use the API</error></hash>");
  }

  @Test
  void aReportOfAnotherProjectIs403AndABadContentIs400() throws Exception {
    HttpResponse<String> other = post(server.redcapUrl(), naccRequest(TOKEN, "999"));
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(other.body()).path("error").asText())
        .isEqualTo(
            "The API request cannot complete because report_id=999 does not belong to this"
                + " project.");

    Map<String, String> record = naccRequest(TOKEN, "101");
    record.put("content", "record");
    HttpResponse<String> bad = post(server.redcapUrl(), record);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("error").asText())
        .isEqualTo("The value of the parameter \"content\" is not valid");
  }

  @Test
  void onlyPostIsImplemented() throws Exception {
    HttpResponse<String> get =
        HTTP.send(
            HttpRequest.newBuilder(server.redcapUrl()).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(501);
    assertThat(JSON.readTree(get.body()).path("error").asText())
        .isEqualTo("The requested method is not implemented.");
  }

  @Test
  void aReportCanBeCsv() throws Exception {
    Map<String, String> csv = naccRequest(TOKEN, "101");
    csv.put("format", "csv");
    HttpResponse<String> answer = post(server.redcapUrl(), csv);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body().lines().findFirst().orElseThrow()).startsWith("record_id,firstname,");
    assertThat(answer.body().lines()).hasSize(4);
  }

  @Test
  void projectsComeFromTheSeedFileAndFaultsReachThePath() throws Exception {
    Path seed = temp.resolve("seed.yaml");
    Files.writeString(
        seed,
        """
        users:
          - {id: admin@site.example, api_key: k1, site_admin: true}
        redcap:
          - project: directory
            token: ABC123
            reports:
              - id: 7
                records:
                  - {record_id: 1, adresearchctr: 12, note: null}
        """);
    try (FlywheelEmulator own =
        FlywheelEmulator.start(EmulatorOptions.inMemory().withPort(0).withSeedFile(seed))) {
      HttpResponse<String> answer = post(own.redcapUrl(), naccRequest("ABC123", "7"));
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(answer.body()))
          .isEqualTo(
              JSON.readTree("[{\"record_id\":\"1\",\"adresearchctr\":\"12\",\"note\":\"\"}]"));
      // The default seed's token is not this server's.
      assertThat(post(own.redcapUrl(), naccRequest(TOKEN, "101")).statusCode()).isEqualTo(403);

      own.addFault(Fault.always("POST", "/redcap/api/", 500).limitedTo(1));
      assertThat(post(own.redcapUrl(), naccRequest("ABC123", "7")).statusCode()).isEqualTo(500);
      assertThat(post(own.redcapUrl(), naccRequest("ABC123", "7")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aBadRedcapSectionIsReportedByLine() throws IOException {
    Path seed = temp.resolve("bad.yaml");
    Files.writeString(
        seed,
        """
        users:
          - {id: admin@site.example, api_key: k1, site_admin: true}
        redcap:
          - project: directory
            token: not-a-token
          - project: other
            token: ABC
            reports:
              - {id: seven, records: []}
        """);
    assertThatThrownBy(() -> FlywheelEmulator.start(EmulatorOptions.inMemory().withSeedFile(seed)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::key, Problem::line)
                    .contains(
                        Tuple.tuple("redcap.0.token", 5), Tuple.tuple("redcap.1.reports.0.id", 9)));
  }
}
