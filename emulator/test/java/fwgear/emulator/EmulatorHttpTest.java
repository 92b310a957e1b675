package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wire format, as any Flywheel client sees it: shapes, envelopes, status codes, admin. */
class EmulatorHttpTest {
  private static FlywheelEmulator server;

  @BeforeAll
  static void start() throws IOException {
    server = FlywheelEmulator.start(EmulatorOptions.inMemory());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Answer call(String method, String path, String body, String key, String... headers)
      throws Exception {
    return Answer.send(server, method, path, body, key, headers);
  }

  private static Answer admin(String method, String path, String body) throws Exception {
    return call(method, path, body, server.apiKey().reveal());
  }

  private static String keyOf(String user) {
    return server.apiKey(user).orElseThrow().reveal();
  }

  @Test
  void listsArePlainArraysUnlessThePaginationFeatureIsAsked() throws Exception {
    Answer plain = admin("GET", "/api/roles", null);
    Answer paged =
        call(
            "GET",
            "/api/roles?limit=3&sort=label:asc",
            null,
            server.apiKey().reveal(),
            "X-Accept-Feature",
            "Safe-Redirect, Pagination");

    assertThat(plain.body().isArray()).isTrue();
    assertThat(plain.body().get(0).has("_id")).isTrue();
    assertThat(paged.body().path("total").asInt()).isEqualTo(4);
    assertThat(paged.body().path("count").asInt()).isEqualTo(3);
    assertThat(paged.body().path("results").findValuesAsText("label"))
        .containsExactly("admin", "curate", "read-only");
  }

  @Test
  void pagesAndKeysetPagination() throws Exception {
    Answer second = admin("GET", "/api/roles?limit=2&page=2&sort=label:desc", null);
    Answer afterFirst = admin("GET", "/api/roles?after_id=5f0000000000000000000002", null);

    assertThat(second.body().findValuesAsText("label")).containsExactly("curate", "admin");
    assertThat(afterFirst.body().findValuesAsText("label")).containsExactly("upload", "read-only");
  }

  @Test
  void badQueryParametersAre422() throws Exception {
    assertThat(admin("GET", "/api/groups?limit=0", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/groups?limit=x", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/groups?page=2", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/groups?after_id=a&sort=label", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/groups?filter=a=1&filter=b=2", null).status()).isEqualTo(422);
  }

  @Test
  void errorsCarryAMessage() throws Exception {
    Answer missing = admin("GET", "/api/groups/no-such-group", null);
    Answer badBody = admin("POST", "/api/groups", "{not json");
    Answer badId = admin("POST", "/api/groups", "{\"_id\": \"Upper Case\"}");
    Answer unknown = admin("GET", "/api/nothing-here", null);
    Answer noKey = call("GET", "/api/groups", null, null);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().path("message").asText()).contains("no-such-group");
    assertThat(badBody.status()).isEqualTo(400);
    assertThat(badId.status()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(noKey.status()).isEqualTo(401);
    assertThat(noKey.body().path("message").asText()).isEqualTo("Invalid API key");
  }

  @Test
  void theWholeKeyOrTheBareSecretAuthenticateAndBearerToo() throws Exception {
    String whole = server.apiKey().reveal();
    String bare = server.apiKey().secret();

    assertThat(call("GET", "/api/users/self", null, whole).status()).isEqualTo(200);
    assertThat(call("GET", "/api/users/self", null, bare).status()).isEqualTo(200);
    assertThat(
            call("GET", "/api/users/self", null, null, "Authorization", "Bearer " + bare).status())
        .isEqualTo(200);
    assertThat(call("GET", "/api/version", null, null).body().path("_id").asText())
        .isEqualTo("version");
  }

  @Test
  void accessLevelsAreEnforced() throws Exception {
    String reader = keyOf("reader@nacc.example");
    String curator = keyOf("curator@nacc.example");
    String project = "{\"group\": \"nacc\", \"label\": \"by-curator\"}";

    assertThat(call("POST", "/api/groups", "{\"_id\": \"mine\"}", curator).status()).isEqualTo(403);
    assertThat(call("POST", "/api/projects", project, reader).status()).isEqualTo(403);
    Answer created = call("POST", "/api/projects", project, curator);
    assertThat(created.status()).isEqualTo(200);
    String id = created.body().path("_id").asText();
    assertThat(id).matches("[0-9a-f]{24}");
    assertThat(call("GET", "/api/projects/" + id, null, reader).status()).isEqualTo(200);
    assertThat(call("POST", "/api/projects/" + id + "/tags", "{\"value\": \"x\"}", reader).status())
        .isEqualTo(403);
    assertThat(call("GET", "/api/groups", null, keyOf("gearbot@nacc.example")).body().size())
        .isEqualTo(admin("GET", "/api/groups", null).body().size());
  }

  @Test
  void projectsHaveTheFlywheelShape() throws Exception {
    String id =
        admin("POST", "/api/projects", "{\"group\": \"nacc\", \"label\": \"shape\"}")
            .body()
            .path("_id")
            .asText();
    JsonNode project = admin("GET", "/api/projects/" + id, null).body();

    assertThat(project.path("parents").path("group").asText()).isEqualTo("nacc");
    assertThat(project.path("group").asText()).isEqualTo("nacc");
    assertThat(project.path("permissions").isArray()).isTrue();
    assertThat(project.path("info").isObject()).isTrue();
    assertThat(project.path("created").asText()).matches("\\d{4}-.*\\+00:00");
    Answer info = admin("PATCH", "/api/projects/" + id + "/info", "{\"set\": {\"a.b\": 1}}");
    assertThat(info.body().path("modified").asInt()).isEqualTo(1);
    assertThat(admin("GET", "/api/projects/" + id, null).body().path("info").has("a_b")).isTrue();
    assertThat(admin("PATCH", "/api/projects/" + id + "/info", "{\"oops\": 1}").status())
        .isEqualTo(400);
    assertThat(
            admin(
                    "POST",
                    "/api/projects/" + id + "/permissions",
                    "{\"_id\": \"reader@nacc.example\", \"role_ids\": [\"nope\"]}")
                .status())
        .isEqualTo(400);
    assertThat(
            admin(
                    "POST",
                    "/api/projects/" + id + "/permissions",
                    "{\"_id\": \"reader@nacc.example\", \"role_ids\": [\"5f00000000000000000000ff\"]}")
                .status())
        .isEqualTo(422);
  }

  @Test
  void ssmErrorsFollowTheAwsJsonProtocol() throws Exception {
    Answer missing =
        call(
            "POST",
            "/",
            "{\"Name\": \"/nothing\"}",
            null,
            "X-Amz-Target",
            "AmazonSSM.GetParameter",
            "Content-Type",
            "application/x-amz-json-1.1");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("__type").asText())
        .isEqualTo("MissingAuthenticationTokenException");
  }

  @Test
  void theSsmHeaderDoesNotBypassRestRoutingOrAuthentication() throws Exception {
    Answer delete =
        call("DELETE", "/api/groups/nacc", null, null, "X-Amz-Target", "AmazonSSM.GetParameter");
    Answer create =
        call(
            "POST",
            "/api/groups",
            "{\"_id\": \"sneaky\"}",
            null,
            "X-Amz-Target",
            "AmazonSSM.GetParameter");

    assertThat(delete.status()).isEqualTo(401);
    assertThat(create.status()).isEqualTo(401);
    assertThat(server.store().get("groups", "nacc")).isPresent();
    assertThat(server.store().get("groups", "sneaky")).isEmpty();
  }

  @Test
  void theAdminEndpointsNeedTheSiteAdminKeyAndTheSameOrigin() throws Exception {
    Answer noKey = call("GET", "/__admin/requests", null, null);
    Answer reader = call("GET", "/__admin/requests", null, keyOf("reader@nacc.example"));
    Answer crossOrigin =
        call(
            "POST",
            "/__admin/faults",
            "{\"path\": \"/api/.*\", \"status\": 503}",
            server.apiKey().reveal(),
            "Origin",
            "http://evil.example");
    Answer fetchSite =
        call(
            "DELETE",
            "/__admin/faults",
            null,
            server.apiKey().reveal(),
            "Sec-Fetch-Site",
            "cross-site");

    assertThat(noKey.status()).isEqualTo(401);
    assertThat(reader.status()).isEqualTo(403);
    assertThat(crossOrigin.status()).isEqualTo(403);
    assertThat(fetchSite.status()).isEqualTo(403);
    assertThat(admin("GET", "/__admin/faults", null).body()).isEmpty();
  }

  @Test
  void faultsAndTheRequestLogThroughTheAdminEndpoints() throws Exception {
    admin("DELETE", "/__admin/requests", null);
    Answer added =
        admin(
            "POST",
            "/__admin/faults",
            "{\"method\": \"GET\", \"path\": \"/api/version\", \"status\": 429, \"times\": 1}");

    Answer first = call("GET", "/api/version", null, null);
    Answer second = call("GET", "/api/version", null, null);
    JsonNode faults = admin("GET", "/__admin/faults", null).body();
    JsonNode log = admin("GET", "/__admin/requests", null).body();
    admin("DELETE", "/__admin/faults", null);

    assertThat(added.status()).isEqualTo(200);
    assertThat(first.status()).isEqualTo(429);
    assertThat(second.status()).isEqualTo(200);
    assertThat(faults.get(0).path("hits").asInt()).isEqualTo(1);
    assertThat(log.findValuesAsText("path")).containsExactly("/api/version", "/api/version");
    assertThat(log.findValues("status")).extracting(JsonNode::asInt).containsExactly(429, 200);
    assertThat(admin("POST", "/__admin/faults", "{\"status\": 503}").status()).isEqualTo(400);
  }

  @Test
  void lookupFindsContainersByTheirHumanPath() throws Exception {
    admin("POST", "/api/projects", "{\"group\": \"nacc\", \"label\": \"looked-up\"}");

    Answer group = admin("POST", "/api/lookup", "{\"path\": [\"nacc\"]}");
    Answer project = admin("POST", "/api/lookup", "{\"path\": [\"nacc\", \"looked-up\"]}");
    Answer gear = admin("POST", "/api/lookup", "{\"path\": [\"gears\", \"echo\"]}");
    Answer missing = admin("POST", "/api/lookup", "{\"path\": [\"nacc\", \"nothing\"]}");

    assertThat(group.body().path("container_type").asText()).isEqualTo("group");
    assertThat(project.body().path("label").asText()).isEqualTo("looked-up");
    assertThat(project.body().path("container_type").asText()).isEqualTo("project");
    assertThat(gear.body().path("gear").path("version").asText()).isEqualTo("1.0.0");
    assertThat(missing.status()).isEqualTo(404);
  }
}
