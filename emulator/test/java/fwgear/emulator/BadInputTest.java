package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.flywheel.FileEntry;
import fwgear.flywheel.FlywheelClient;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every request here is refused with a 4xx JSON error in the API's shape
 * ({@code message}, {@code status_code}, and {@code key} when a field is to blame), and the whole
 * state of the server (every document of every kind, every stored file byte) is the same after it
 * as before it.
 */
class BadInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String BOUNDARY = "corpus-boundary";
  private static FlywheelEmulator server;
  private static String projectId;
  private static String jobGearId;

  @BeforeAll
  static void start() throws Exception {
    server = FlywheelEmulator.start(EmulatorOptions.inMemory());
    FlywheelClient client = FlywheelClient.connect(server.apiKey());
    projectId = client.createProject("nacc", "corpus", null);
    client.uploadProjectFile(projectId, "kept.txt", "kept".getBytes(StandardCharsets.UTF_8), null);
    jobGearId = client.findGear("echo").orElseThrow().id();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One refused request: method, path (with {pid} and {gear}), body, content type, status. */
  record Case(
      String name, String method, String path, byte[] body, String type, int status, String key) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case json(
      String name, String method, String path, String body, int status, String key) {
    return new Case(
        name, method, path, body.getBytes(StandardCharsets.UTF_8), "application/json", status, key);
  }

  private static Case upload(String name, int status, String... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String part : parts) {
      out.writeBytes(("--" + BOUNDARY + "\r\n" + part + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Case(
        name,
        "POST",
        "/api/projects/{pid}/files",
        out.toByteArray(),
        "multipart/form-data; boundary=" + BOUNDARY,
        status,
        null);
  }

  private static String filePart(String disposition, String content) {
    return "Content-Disposition: form-data; name=\"file\"; "
        + disposition
        + "\r\nContent-Type: text/plain\r\n\r\n"
        + content;
  }

  static Stream<Case> corpus() {
    String longLabel = "x".repeat(Body.MAX_LABEL + 1);
    String deep = "[".repeat(5000) + "]".repeat(5000);
    List<Case> cases = new ArrayList<>();
    // Not JSON, or more than one JSON value.
    cases.add(json("trailing brace", "POST", "/api/groups", "{\"_id\":\"x1\"}}", 400, null));
    cases.add(
        json("two values", "POST", "/api/groups", "{\"_id\":\"x1\"} {\"_id\":\"x2\"}", 400, null));
    cases.add(
        json("duplicate key", "POST", "/api/groups", "{\"_id\":\"x1\",\"_id\":\"x2\"}", 400, null));
    cases.add(json("empty body", "POST", "/api/groups", "", 400, null));
    cases.add(json("truncated", "POST", "/api/groups", "{\"_id\":\"x1\"", 400, null));
    cases.add(json("not a literal", "POST", "/api/groups", "nul", 400, null));
    cases.add(
        json("NaN", "POST", "/api/projects", "{\"group\":\"nacc\",\"label\":NaN}", 400, null));
    cases.add(json("single quotes", "POST", "/api/groups", "{'_id':'x1'}", 400, null));
    cases.add(json("comment", "POST", "/api/groups", "{\"_id\":\"x1\" /* c */}", 400, null));
    cases.add(json("array body", "POST", "/api/groups", "[{\"_id\":\"x1\"}]", 400, null));
    cases.add(json("string body", "POST", "/api/groups", "\"x1\"", 400, null));
    cases.add(json("nested too deep", "POST", "/api/groups", deep, 400, null));
    cases.add(
        new Case(
            "not UTF-8",
            "POST",
            "/api/groups",
            new byte[] {'{', '"', '_', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            "application/json",
            400,
            null));
    // Groups: ids, labels, field types, unknown fields.
    cases.add(
        json("group id upper case", "POST", "/api/groups", "{\"_id\":\"X-Upper\"}", 400, "_id"));
    cases.add(
        json(
            "group id too long",
            "POST",
            "/api/groups",
            "{\"_id\":\"" + "a".repeat(33) + "\"}",
            400,
            "_id"));
    cases.add(json("group id a number", "POST", "/api/groups", "{\"_id\":5}", 400, "_id"));
    cases.add(json("group id missing", "POST", "/api/groups", "{\"label\":\"L\"}", 400, "_id"));
    cases.add(
        json(
            "group label an object",
            "POST",
            "/api/groups",
            "{\"_id\":\"ok-id\",\"label\":{\"a\":1}}",
            400,
            "label"));
    cases.add(
        json(
            "group label too long",
            "POST",
            "/api/groups",
            "{\"_id\":\"ok-id\",\"label\":\"" + longLabel + "\"}",
            400,
            "label"));
    cases.add(
        json(
            "group unknown field",
            "POST",
            "/api/groups",
            "{\"_id\":\"ok-id\",\"colour\":\"red\"}",
            400,
            "colour"));
    cases.add(json("group exists", "POST", "/api/groups", "{\"_id\":\"nacc\"}", 409, null));
    cases.add(
        json(
            "group modify label null",
            "PUT",
            "/api/groups/nacc",
            "{\"label\":null}",
            400,
            "label"));
    cases.add(
        json("group tag a number", "POST", "/api/groups/nacc/tags", "{\"value\":5}", 400, "value"));
    cases.add(
        json(
            "group tag too long",
            "POST",
            "/api/groups/nacc/tags",
            "{\"value\":\"" + "t".repeat(33) + "\"}",
            400,
            "value"));
    cases.add(
        json(
            "group tag with a slash",
            "POST",
            "/api/groups/nacc/tags",
            "{\"value\":\"a/b\"}",
            400,
            "value"));
    cases.add(
        json(
            "group tag exists",
            "POST",
            "/api/groups/nacc/tags",
            "{\"value\":\"admin\"}",
            409,
            null));
    cases.add(
        json(
            "group access unknown",
            "POST",
            "/api/groups/nacc/permissions",
            "{\"_id\":\"gearbot@nacc.example\",\"access\":\"superuser\"}",
            400,
            "access"));
    cases.add(
        json(
            "group access missing",
            "POST",
            "/api/groups/nacc/permissions",
            "{\"_id\":\"gearbot@nacc.example\"}",
            400,
            "access"));
    cases.add(
        json(
            "group permission bad user id",
            "POST",
            "/api/groups/nacc/permissions",
            "{\"_id\":\"a b\",\"access\":\"ro\"}",
            400,
            "_id"));
    cases.add(
        json(
            "group permission unknown user",
            "POST",
            "/api/groups/nacc/permissions",
            "{\"_id\":\"nobody@nacc.example\",\"access\":\"ro\"}",
            404,
            null));
    cases.add(
        json(
            "group role bad id",
            "POST",
            "/api/groups/nacc/roles",
            "{\"_id\":\"admin\"}",
            400,
            "_id"));
    cases.add(json("group id malformed in path", "GET", "/api/groups/UPPER", "", 400, "group id"));
    // Projects.
    cases.add(
        json(
            "description an object",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"p\",\"description\":{\"x\":1}}",
            400,
            "description"));
    cases.add(
        json(
            "info a list",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"p\",\"info\":[1,2]}",
            400,
            "info"));
    cases.add(
        json(
            "label over 1024",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"" + longLabel + "\"}",
            400,
            "label"));
    cases.add(
        json(
            "label empty",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"\"}",
            400,
            "label"));
    cases.add(
        json(
            "label blank",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"   \"}",
            400,
            "label"));
    cases.add(
        json(
            "label with a newline",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"a\\nb\"}",
            400,
            "label"));
    cases.add(
        json(
            "label a list",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":[\"p\"]}",
            400,
            "label"));
    cases.add(
        json(
            "copyable a string",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"p\",\"copyable\":\"yes\"}",
            400,
            "copyable"));
    cases.add(
        json(
            "group malformed",
            "POST",
            "/api/projects",
            "{\"group\":\"NACC!\",\"label\":\"p\"}",
            400,
            "group"));
    cases.add(
        json(
            "group unknown",
            "POST",
            "/api/projects",
            "{\"group\":\"no-such-group\",\"label\":\"p\"}",
            404,
            null));
    cases.add(
        json(
            "label exists",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"corpus\"}",
            409,
            null));
    cases.add(
        json(
            "unknown field",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"p\",\"public\":true}",
            400,
            "public"));
    cases.add(
        json(
            "role_ids a string",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"p\",\"permissions\":[{\"_id\":\"reader@nacc.example\",\"role_ids\":\"admin\"}]}",
            400,
            "permissions[0].role_ids"));
    cases.add(
        json(
            "role id malformed",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"p\",\"permissions\":[{\"_id\":\"reader@nacc.example\",\"role_ids\":[\"admin\"]}]}",
            400,
            "permissions[0].role_ids[0]"));
    cases.add(
        json(
            "role id unknown",
            "POST",
            "/api/projects",
            "{\"group\":\"nacc\",\"label\":\"p\",\"permissions\":[{\"_id\":\"reader@nacc.example\",\"role_ids\":[\"5f00000000000000000000ff\"]}]}",
            422,
            null));
    cases.add(
        json("project id malformed", "GET", "/api/projects/not-an-id", "", 400, "project id"));
    cases.add(
        json(
            "project id upper hex",
            "GET",
            "/api/projects/5F0000000000000000000001",
            "",
            400,
            "project id"));
    cases.add(
        json(
            "project id malformed on PUT",
            "PUT",
            "/api/projects/123",
            "{\"description\":\"d\"}",
            400,
            "project id"));
    cases.add(
        json(
            "project id malformed on DELETE", "DELETE", "/api/projects/zz", "", 400, "project id"));
    cases.add(
        json("project missing", "GET", "/api/projects/5f00000000000000000000ff", "", 404, null));
    cases.add(
        json(
            "modify description a number",
            "PUT",
            "/api/projects/{pid}",
            "{\"description\":5}",
            400,
            "description"));
    cases.add(
        json("modify label null", "PUT", "/api/projects/{pid}", "{\"label\":null}", 400, "label"));
    cases.add(
        json(
            "modify info a string", "PUT", "/api/projects/{pid}", "{\"info\":\"x\"}", 400, "info"));
    cases.add(
        json("modify unknown field", "PUT", "/api/projects/{pid}", "{\"files\":[]}", 400, "files"));
    cases.add(
        json(
            "move to an unknown group",
            "PUT",
            "/api/projects/{pid}",
            "{\"group\":\"no-such-group\"}",
            404,
            null));
    cases.add(
        json(
            "move to a malformed group",
            "PUT",
            "/api/projects/{pid}",
            "{\"group\":\"A B\"}",
            400,
            "group"));
    cases.add(
        json(
            "modify a valid part and a bad part",
            "PUT",
            "/api/projects/{pid}",
            "{\"description\":\"new\",\"copyable\":1}",
            400,
            "copyable"));
    cases.add(
        json(
            "project tag with a slash",
            "POST",
            "/api/projects/{pid}/tags",
            "{\"value\":\"a/b\"}",
            400,
            "value"));
    cases.add(json("project tag missing", "POST", "/api/projects/{pid}/tags", "{}", 400, "value"));
    cases.add(
        json("info set a list", "PATCH", "/api/projects/{pid}/info", "{\"set\":[1]}", 400, "set"));
    cases.add(
        json(
            "info set and replace",
            "PATCH",
            "/api/projects/{pid}/info",
            "{\"set\":{\"a\":1},\"replace\":{}}",
            400,
            null));
    cases.add(
        json(
            "info delete numbers",
            "PATCH",
            "/api/projects/{pid}/info",
            "{\"delete\":[1]}",
            400,
            "delete"));
    cases.add(
        json(
            "info set valid, delete bad",
            "PATCH",
            "/api/projects/{pid}/info",
            "{\"set\":{\"a\":1},\"delete\":\"a\"}",
            400,
            "delete"));
    cases.add(json("info empty", "PATCH", "/api/projects/{pid}/info", "{}", 400, null));
    cases.add(
        json(
            "project permission bad user",
            "POST",
            "/api/projects/{pid}/permissions",
            "{\"_id\":\"x y\",\"role_ids\":[]}",
            400,
            "_id"));
    cases.add(
        json(
            "project permission no roles",
            "POST",
            "/api/projects/{pid}/permissions",
            "{\"_id\":\"reader@nacc.example\"}",
            400,
            "role_ids"));
    cases.add(
        json(
            "file info on a bad name",
            "PATCH",
            "/api/projects/{pid}/files/a%2Fb/info",
            "{\"set\":{}}",
            400,
            "filename"));
    cases.add(
        json(
            "file info a list",
            "PATCH",
            "/api/projects/{pid}/files/kept.txt/info",
            "{\"set\":[]}",
            400,
            "set"));
    // Uploads: nothing of a refused upload is stored, not even its valid files.
    cases.add(
        upload(
            "second file name has a slash",
            400,
            filePart("filename=\"ok.txt\"", "one"),
            filePart("filename=\"a/b.txt\"", "two")));
    cases.add(
        upload(
            "two files of one name",
            400,
            filePart("filename=\"same.txt\"", "one"),
            filePart("filename=\"same.txt\"", "two")));
    cases.add(upload("unescaped quote", 400, filePart("filename=\"a\"b.txt\"", "x")));
    cases.add(upload("unclosed quote", 400, filePart("filename=\"ab.txt", "x")));
    cases.add(
        upload("name of 256 bytes", 400, filePart("filename=\"" + "n".repeat(256) + "\"", "x")));
    cases.add(upload("name ..", 400, filePart("filename=\"..\"", "x")));
    cases.add(upload("name with a newline", 400, filePart("filename=\"a%0Ab.txt\"", "x")));
    cases.add(upload("name with a backslash", 400, filePart("filename=\"a\\\\b.txt\"", "x")));
    cases.add(
        upload("no file part", 400, "Content-Disposition: form-data; name=\"metadata\"\r\n\r\n{}"));
    cases.add(
        upload("filename twice", 400, filePart("filename=\"a.txt\"; filename=\"b.txt\"", "x")));
    cases.add(upload("bad filename*", 400, filePart("filename*=latin1''a.txt", "x")));
    cases.add(
        new Case(
            "upload not multipart",
            "POST",
            "/api/projects/{pid}/files",
            "x".getBytes(StandardCharsets.UTF_8),
            "text/plain",
            400,
            null));
    cases.add(
        new Case(
            "upload not closed",
            "POST",
            "/api/projects/{pid}/files",
            ("--" + BOUNDARY + "\r\n" + filePart("filename=\"a.txt\"", "x"))
                .getBytes(StandardCharsets.UTF_8),
            "multipart/form-data; boundary=" + BOUNDARY,
            400,
            null));
    cases.add(
        json(
            "delete a missing file",
            "DELETE",
            "/api/projects/{pid}/files/missing.txt",
            "",
            404,
            null));
    // Jobs: config checked against the gear's manifest.
    String job = "{\"gear_id\":\"{gear}\",\"destination\":{\"type\":\"project\",\"id\":\"{pid}\"}";
    cases.add(
        json(
            "job config of the wrong type",
            "POST",
            "/api/jobs/add",
            job + ",\"config\":{\"debug\":\"yes\"}}",
            400,
            "config.debug"));
    cases.add(
        json(
            "job config unknown key",
            "POST",
            "/api/jobs/add",
            job + ",\"config\":{\"verbose\":true}}",
            400,
            "config.verbose"));
    cases.add(
        json("job config a list", "POST", "/api/jobs/add", job + ",\"config\":[]}", 400, "config"));
    cases.add(
        json(
            "job unknown input",
            "POST",
            "/api/jobs/add",
            job
                + ",\"inputs\":{\"other\":{\"type\":\"project\",\"id\":\"{pid}\",\"name\":\"kept.txt\"}}}",
            400,
            "inputs.other"));
    cases.add(
        json(
            "job input file missing",
            "POST",
            "/api/jobs/add",
            job
                + ",\"inputs\":{\"input_file\":{\"type\":\"project\",\"id\":\"{pid}\",\"name\":\"gone.txt\"}}}",
            404,
            null));
    cases.add(
        json(
            "job without destination",
            "POST",
            "/api/jobs/add",
            "{\"gear_id\":\"{gear}\"}",
            400,
            "destination"));
    cases.add(
        json(
            "job destination an analysis",
            "POST",
            "/api/jobs/add",
            "{\"gear_id\":\"{gear}\",\"destination\":{\"type\":\"analysis\",\"id\":\"{pid}\"}}",
            400,
            "destination.type"));
    cases.add(
        json(
            "job gear id malformed",
            "POST",
            "/api/jobs/add",
            "{\"gear_id\":\"echo\",\"destination\":{\"type\":\"project\",\"id\":\"{pid}\"}}",
            400,
            "gear_id"));
    cases.add(
        json(
            "job gear unknown",
            "POST",
            "/api/jobs/add",
            "{\"gear_id\":\"5f00000000000000000000ff\",\"destination\":{\"type\":\"project\",\"id\":\"{pid}\"}}",
            400,
            "gear_id"));
    cases.add(
        json("job tags not strings", "POST", "/api/jobs/add", job + ",\"tags\":[1]}", 400, "tags"));
    cases.add(
        json(
            "job priority unknown",
            "POST",
            "/api/jobs/add",
            job + ",\"priority\":\"urgent\"}",
            400,
            "priority"));
    cases.add(json("job id malformed", "GET", "/api/jobs/123", "", 400, "job id"));
    cases.add(json("gear id malformed", "GET", "/api/gears/echo", "", 400, "gear id"));
    cases.add(
        json(
            "gear manifest invalid",
            "POST",
            "/api/gears/echo2",
            "{\"gear\":{\"name\":\"echo2\",\"version\":\"1\"}}",
            400,
            null));
    // Lookup, users, roles.
    cases.add(
        json("lookup path a string", "POST", "/api/lookup", "{\"path\":\"nacc\"}", 400, "path"));
    cases.add(json("lookup path of numbers", "POST", "/api/lookup", "{\"path\":[1]}", 400, "path"));
    cases.add(
        json(
            "lookup nothing there",
            "POST",
            "/api/lookup",
            "{\"path\":[\"nacc\",\"nope\"]}",
            404,
            null));
    cases.add(json("resolve path missing", "POST", "/api/resolve", "{}", 400, "path"));
    cases.add(json("user id with a space", "POST", "/api/users", "{\"_id\":\"a b\"}", 400, "_id"));
    cases.add(
        json(
            "user firstname a number",
            "POST",
            "/api/users",
            "{\"_id\":\"new@nacc.example\",\"firstname\":1}",
            400,
            "firstname"));
    cases.add(
        json("user exists", "POST", "/api/users", "{\"_id\":\"reader@nacc.example\"}", 409, null));
    cases.add(
        json(
            "role action unknown",
            "POST",
            "/api/roles",
            "{\"label\":\"flyer\",\"actions\":[\"fly\"]}",
            400,
            "actions"));
    cases.add(json("role label missing", "POST", "/api/roles", "{\"actions\":[]}", 400, "label"));
    cases.add(json("role id malformed", "GET", "/api/roles/admin", "", 400, "role id"));
    // Query parameters and routing.
    cases.add(json("filter without operator", "GET", "/api/projects?filter=label", "", 422, null));
    cases.add(json("limit not a number", "GET", "/api/projects?limit=ten", "", 422, null));
    cases.add(
        json("filter given twice", "GET", "/api/projects?filter=a=1&filter=b=2", "", 422, null));
    cases.add(json("unknown endpoint", "GET", "/api/nothing", "", 404, null));
    cases.add(json("wrong method", "PATCH", "/api/groups", "{}", 405, null));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRefusedWithAJsonErrorAndStoresNothing(Case c) throws Exception {
    Map<String, Object> before = state();

    HttpResponse<String> response = send(c, server.apiKey().reveal());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(error.path("status_code").asInt()).isEqualTo(c.status());
    if (c.key() != null) {
      assertThat(error.path("key").asText()).as(response.body()).isEqualTo(c.key());
      assertThat(error.path("message").asText()).contains(c.key().replaceAll("\\[\\d+]$", ""));
    }
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aMalformedEscapeInThePathIs400Json() throws Exception {
    // java.net.URI refuses such a URL, so the request is written by hand.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET /api/groups/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: scitran-user "
                      + server.apiKey().reveal()
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json");
      assertThat(
              JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4))
                  .path("status_code")
                  .asInt())
          .isEqualTo(400);
    }
  }

  @Test
  void headersTooLargeAre431Json() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              ("POST /api/groups HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                      + "p".repeat(32 * 1024)
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 431").contains("application/json");
      assertThat(
              JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4))
                  .path("status_code")
                  .asInt())
          .isEqualTo(431);
    }
  }

  @Test
  void withoutAKeyNothingIsStoredEither() throws Exception {
    Map<String, Object> before = state();
    Case create = json("create", "POST", "/api/groups", "{\"_id\":\"no-key\"}", 401, null);

    assertThat(send(create, null).statusCode()).isEqualTo(401);
    assertThat(send(create, "not-a-key").statusCode()).isEqualTo(401);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aBodyOverTheLimitIs413AndStoresNothing() throws Exception {
    try (FlywheelEmulator small =
            FlywheelEmulator.start(EmulatorOptions.inMemory().withMaxBodyBytes(1024));
        java.net.Socket socket = new java.net.Socket("127.0.0.1", small.port())) {
      // The length is declared and no byte of the body sent: the server answers 413 from the
      // headers alone (and closes), so the answer is read whatever the timing.
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              ("POST /api/groups HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: scitran-user "
                      + small.apiKey().reveal()
                      + "\r\nContent-Type: application/json\r\nContent-Length: 2000"
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 413").contains("application/json");
      assertThat(
              JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4))
                  .path("status_code")
                  .asInt())
          .isEqualTo(413);
      assertThat(small.store().ids("groups")).containsExactly("nacc");
    }
  }

  @Test
  void aValid20MbJsonBodyIsAccepted() throws Exception {
    String big = "y".repeat(20 << 20);
    String body =
        "{\"group\":\"nacc\",\"label\":\"twenty-mb\",\"info\":{\"blob\":\"" + big + "\"}}";
    assertThat(body.length()).isGreaterThan(20 << 20);

    HttpResponse<String> response =
        send(json("20 MB", "POST", "/api/projects", body, 200, null), server.apiKey().reveal());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String id = JSON.readTree(response.body()).path("_id").asText();
    assertThat(server.store().get("projects", id).orElseThrow().path("info").path("blob").asText())
        .hasSize(20 << 20);
    HttpResponse<String> deleted =
        send(
            json("delete", "DELETE", "/api/projects/" + id, "", 200, null),
            server.apiKey().reveal());
    assertThat(deleted.statusCode()).isEqualTo(200);
  }

  @Test
  void aFileNameIsStoredExactlyAsSent() throws Exception {
    // RFC 7230 quoted-string escapes, the HTML form encoding (curl, browsers, requests), and
    // filename* (RFC 5987): each gives the name a"b.txt, byte for byte.
    for (String disposition :
        List.of(
            "filename=\"a\\\"b.txt\"", "filename=\"a%22b.txt\"", "filename*=UTF-8''a%22b.txt")) {
      Case c = upload(disposition, 200, filePart(disposition, "quoted"));
      HttpResponse<String> response = send(c, server.apiKey().reveal());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).get(0).path("name").asText()).isEqualTo("a\"b.txt");
    }
    FlywheelClient client = FlywheelClient.connect(server.apiKey());
    for (String name : List.of("a\"b.txt", "ünïcødé — ok.txt", "100% sure;=.txt", " lead.txt")) {
      FileEntry stored =
          client.uploadProjectFile(projectId, name, name.getBytes(StandardCharsets.UTF_8), null);
      assertThat(stored.name()).isEqualTo(name);
      assertThat(new String(client.downloadProjectFile(projectId, name), StandardCharsets.UTF_8))
          .isEqualTo(name);
      HttpResponse<String> info =
          send(
              json(
                  "info",
                  "GET",
                  "/api/projects/{pid}/files/"
                      + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                      + "/info",
                  "",
                  200,
                  null),
              server.apiKey().reveal());
      assertThat(JSON.readTree(info.body()).path("name").asText()).isEqualTo(name);
    }
  }

  private static HttpResponse<String> send(Case c, String key) throws Exception {
    String path = c.path().replace("{pid}", projectId);
    byte[] body =
        new String(c.body(), StandardCharsets.ISO_8859_1)
            .replace("{pid}", projectId)
            .replace("{gear}", jobGearId)
            .getBytes(StandardCharsets.ISO_8859_1);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method(
                c.method(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", c.type());
    if (key != null) {
      request.header("Authorization", "scitran-user " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every document of every kind, and the stored bytes. */
  private static Map<String, Object> state() {
    Map<String, Object> state = new TreeMap<>();
    Store store = server.store();
    for (String kind : store.kinds()) {
      if (store.ids(kind).isEmpty()) {
        continue; // a kind first read during the request
      }
      Map<String, String> documents = new TreeMap<>();
      for (String id : store.ids(kind)) {
        documents.put(id, store.get(kind, id).orElseThrow().toString());
      }
      state.put(kind, documents);
    }
    Store.Usage usage = store.usage();
    state.put("blobs", usage.blobs() + " files, " + usage.blobBytes() + " bytes");
    return state;
  }
}
