package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.RolePermission;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the API reference (flywheel-api.md, flywheel-api-2.md) says and the emulator does: the
 * creator's admin role on a new project, inherit, project move, resolve, role actions, malformed
 * ids, quoted filter values, job config checked against the gear's manifest.
 */
class ApiFidelityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ADMIN_ROLE = "5f0000000000000000000001";
  private static final String CURATE_ROLE = "5f0000000000000000000002";
  private FlywheelEmulator server;
  private FlywheelClient admin;

  @BeforeEach
  void start() throws Exception {
    server = FlywheelEmulator.start(EmulatorOptions.inMemory());
    admin = FlywheelClient.connect(server.apiKey());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private record Answer(int status, JsonNode body) {}

  private Answer call(String method, String path, String body, String user) throws Exception {
    String key =
        user == null ? server.apiKey().reveal() : server.apiKey(user).orElseThrow().reveal();
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "scitran-user " + key)
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  @Test
  void theCreatorOfAProjectGetsTheAdminRoleUnlessItInherits() throws Exception {
    String byCurator =
        call(
                "POST",
                "/api/projects",
                "{\"group\":\"nacc\",\"label\":\"c\"}",
                "curator@nacc.example")
            .body()
            .path("_id")
            .asText();
    assertThat(admin.getProject(byCurator).permissions())
        .containsExactly(new RolePermission("curator@nacc.example", List.of(ADMIN_ROLE)));
    // The creator can then manage it through that role alone.
    assertThat(
            call(
                    "PUT",
                    "/api/projects/" + byCurator,
                    "{\"description\":\"mine\"}",
                    "curator@nacc.example")
                .status())
        .isEqualTo(200);

    String inherited =
        call("POST", "/api/projects?inherit=true", "{\"group\":\"nacc\",\"label\":\"i\"}", null)
            .body()
            .path("_id")
            .asText();
    assertThat(admin.getProject(inherited).permissions()).isEmpty(); // nacc's template is empty

    String given =
        call(
                "POST",
                "/api/projects",
                "{\"group\":\"nacc\",\"label\":\"g\",\"permissions\":[{\"_id\":\"reader@nacc.example\",\"role_ids\":[\""
                    + CURATE_ROLE
                    + "\"]}]}",
                null)
            .body()
            .path("_id")
            .asText();
    assertThat(admin.getProject(given).permissions())
        .containsExactly(new RolePermission("reader@nacc.example", List.of(CURATE_ROLE)));
  }

  @Test
  void aProjectMovesToAnotherGroup() throws Exception {
    admin.createGroup("other", "Other");
    String id = admin.createProject("nacc", "moving", null);
    admin.createProject("other", "taken", null);

    assertThat(call("PUT", "/api/projects/" + id, "{\"group\":\"other\"}", null).status())
        .isEqualTo(200);
    assertThat(admin.getProject(id).group()).isEqualTo("other");
    assertThat(
            call("GET", "/api/projects/" + id, null, null)
                .body()
                .path("parents")
                .path("group")
                .asText())
        .isEqualTo("other");
    assertThat(admin.groupProjects("nacc")).extracting(p -> p.label()).doesNotContain("moving");
    assertThat(admin.findProject("other", "moving")).isPresent();

    // The label must be free in the destination; the destination must be writable.
    String second = admin.createProject("nacc", "taken", null);
    assertThat(call("PUT", "/api/projects/" + second, "{\"group\":\"other\"}", null).status())
        .isEqualTo(409);
    assertThat(admin.getProject(second).group()).isEqualTo("nacc");
    assertThat(
            call("PUT", "/api/projects/" + second, "{\"group\":\"other\"}", "curator@nacc.example")
                .status())
        .isEqualTo(403);
  }

  @Test
  void resolveGivesThePathAndTheChildren() throws Exception {
    String id = admin.createProject("nacc", "resolved", null);
    admin.uploadProjectFile(id, "a.csv", "x".getBytes(StandardCharsets.UTF_8), "text/csv");

    JsonNode root = call("POST", "/api/resolve", "{\"path\":[]}", null).body();
    assertThat(root.path("path")).isEmpty();
    assertThat(labels(root.path("children"), "_id")).contains("nacc");

    JsonNode group = call("POST", "/api/resolve", "{\"path\":[\"nacc\"]}", null).body();
    assertThat(group.path("path").get(0).path("container_type").asText()).isEqualTo("group");
    assertThat(labels(group.path("children"), "label")).contains("resolved");
    assertThat(group.path("children").get(0).path("container_type").asText()).isEqualTo("project");

    JsonNode project =
        call("POST", "/api/resolve", "{\"path\":[\"nacc\",\"<id:" + id + ">\"]}", null).body();
    assertThat(labels(project.path("path"), "container_type")).containsExactly("group", "project");
    assertThat(labels(project.path("children"), "name")).containsExactly("a.csv");
    assertThat(project.path("children").get(0).path("container_type").asText()).isEqualTo("file");

    JsonNode file =
        call("POST", "/api/resolve", "{\"path\":[\"nacc\",\"resolved\",\"files\",\"a.csv\"]}", null)
            .body();
    assertThat(labels(file.path("path"), "container_type"))
        .containsExactly("group", "project", "file");
    assertThat(file.path("children")).isEmpty();

    JsonNode gear = call("POST", "/api/resolve", "{\"path\":[\"gears\",\"echo\"]}", null).body();
    assertThat(gear.path("path").get(0).path("gear").path("name").asText()).isEqualTo("echo");
    assertThat(
            call("POST", "/api/lookup", "{\"path\":[\"nacc\",\"<id:" + id + ">\"]}", null)
                .body()
                .path("label")
                .asText())
        .isEqualTo("resolved");
    assertThat(call("POST", "/api/resolve", "{\"path\":[\"nacc\",\"nope\"]}", null).status())
        .isEqualTo(404);
    assertThat(
            call("POST", "/api/resolve", "{\"path\":[\"nacc\"]}", "gearbot@nacc.example").status())
        .isEqualTo(200); // a site admin
  }

  @Test
  void roleActionsAreListedAndChecked() throws Exception {
    Answer actions = call("GET", "/api/roles/actions", null, null);
    assertThat(actions.status()).isEqualTo(200);
    assertThat(labels(actions.body(), null))
        .contains("containers_view_metadata", "files_download", "project_permissions_manage");
    Answer role =
        call("POST", "/api/roles", "{\"label\":\"viewer\",\"actions\":[\"files_download\"]}", null);
    assertThat(role.status()).isEqualTo(200);
    assertThat(role.body().path("actions").get(0).asText()).isEqualTo("files_download");
  }

  @Test
  void malformedIdsAre400AndMissingOnes404() throws Exception {
    assertThat(call("GET", "/api/projects/xyz", null, null).status()).isEqualTo(400);
    assertThat(call("GET", "/api/projects/5f00000000000000000000ff", null, null).status())
        .isEqualTo(404);
    assertThat(call("GET", "/api/groups/Bad_Group", null, null).status()).isEqualTo(400);
    assertThat(call("GET", "/api/groups/no-such", null, null).status()).isEqualTo(404);
    assertThat(call("GET", "/api/jobs/1", null, null).status()).isEqualTo(400);
    assertThat(call("GET", "/api/users/a%20b", null, null).status()).isEqualTo(400);
  }

  @Test
  void aQuotedFilterValueIsAString() throws Exception {
    String id = admin.createProject("nacc", "42", null);
    admin.setProjectInfo(id, java.util.Map.of("n", 42, "code", "42"));

    assertThat(admin.findProjects("label=\"42\"")).extracting(p -> p.id()).containsExactly(id);
    assertThat(admin.findProjects("info.n=42")).extracting(p -> p.id()).containsExactly(id);
    assertThat(admin.findProjects("info.n=\"42\"")).isEmpty();
    assertThat(admin.findProjects("info.code=\"42\"")).extracting(p -> p.id()).containsExactly(id);
  }

  @Test
  void aJobsConfigIsCheckedAgainstTheManifestAndGetsItsDefaults() throws Exception {
    String gear = admin.findGear("echo").orElseThrow().id();
    String project = admin.createProject("nacc", "jobs", null);
    String destination = ",\"destination\":{\"type\":\"project\",\"id\":\"" + project + "\"}";

    Answer defaults =
        call("POST", "/api/jobs/add", "{\"gear_id\":\"" + gear + "\"" + destination + "}", null);
    assertThat(defaults.status()).isEqualTo(200);
    JsonNode job =
        call("GET", "/api/jobs/" + defaults.body().path("_id").asText(), null, null).body();
    assertThat(job.path("config").path("debug").isBoolean()).isTrue(); // the manifest's default
    assertThat(job.path("config").path("debug").asBoolean()).isFalse();

    Answer wrong =
        call(
            "POST",
            "/api/jobs/add",
            "{\"gear_id\":\"" + gear + "\"" + destination + ",\"config\":{\"debug\":1}}",
            null);
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body().path("key").asText()).isEqualTo("config.debug");
    assertThat(wrong.body().path("message").asText()).contains("boolean");
    assertThat(server.store().list("jobs")).hasSize(1);
  }

  @Test
  void theAdminResetGivesBackTheSeedsStateAndNeedsTheAdminKey() throws Exception {
    admin.createGroup("temporary", "Temporary");
    String id = admin.createProject("nacc", "temporary", null);
    admin.uploadProjectFile(id, "t.txt", "t".getBytes(StandardCharsets.UTF_8), null);

    assertThat(call("POST", "/__admin/reset", null, "curator@nacc.example").status())
        .isEqualTo(403);
    assertThat(admin.findProject("nacc", "temporary")).isPresent();

    assertThat(call("POST", "/__admin/reset", null, null).status()).isEqualTo(200);
    assertThat(server.store().ids("groups")).containsExactly("nacc");
    assertThat(server.store().ids("projects")).isEmpty();
    assertThat(server.store().usage().blobs()).isZero();
    assertThat(admin.findGear("echo")).isPresent();
    assertThat(admin.whoAmI().id()).isEqualTo("admin@nacc.example");
    assertThat(admin.createProject("nacc", "temporary", null)).isNotEqualTo(id);
  }

  private static List<String> labels(JsonNode nodes, String field) {
    List<String> values = new ArrayList<>();
    nodes.forEach(n -> values.add(field == null ? n.asText() : n.path(field).asText()));
    return values;
  }
}
