package fwgear.flywheel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A Flywheel REST client over {@code java.net.http}: the calls our gears make. The base URL comes
 * from the API key ({@code host[:port]:secret}; https, or http for a loopback host); requests carry
 * {@code Authorization: scitran-user <key>}. Failures are {@link FlywheelException}s; reads and
 * safe writes are retried with backoff on 429, 502, 503, 504 and connection errors, and a create is
 * only retried after checking that it did not happen.
 *
 * <p>Thread-safe: one client may serve many threads.
 */
public final class FlywheelClient {
  private static final TypeReference<List<Group>> GROUPS = new TypeReference<>() {};
  private static final TypeReference<List<Project>> PROJECTS = new TypeReference<>() {};
  private static final TypeReference<List<Role>> ROLES = new TypeReference<>() {};
  private static final TypeReference<List<User>> USERS = new TypeReference<>() {};
  private static final TypeReference<List<FileEntry>> FILES = new TypeReference<>() {};
  private static final TypeReference<List<Gear>> GEARS = new TypeReference<>() {};
  private static final TypeReference<List<Job>> JOBS = new TypeReference<>() {};
  private static final TypeReference<List<GearRule>> RULES = new TypeReference<>() {};

  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final ApiKey key;
  private final Transport transport;

  private FlywheelClient(ApiKey key, ClientOptions options) {
    this.key = key;
    this.transport = new Transport(key, options, json);
  }

  public static FlywheelClient connect(ApiKey key) {
    return connect(key, ClientOptions.defaults());
  }

  public static FlywheelClient connect(ApiKey key, ClientOptions options) {
    return new FlywheelClient(key, options);
  }

  /** The key's host (never its secret), e.g. to compare the sites of two keys. */
  public String host() {
    return key.host();
  }

  /** {@code https://host[:port]/api}. */
  public URI baseUrl() {
    return transport.baseUrl();
  }

  // ---- who am I, site ----

  /** The user the key belongs to. */
  public User whoAmI() {
    return get("/users/self", null, User.class);
  }

  public SiteConfig siteConfig() {
    return get("/config", null, SiteConfig.class);
  }

  // ---- groups ----

  /** Groups matching filter conditions such as {@code _id=nacc} or {@code tags=~^center}. */
  public List<Group> findGroups(String... conditions) {
    return get("/groups", filter(conditions), GROUPS);
  }

  public Optional<Group> findGroup(String groupId) {
    return findGroups(Filters.eq("_id", groupId)).stream().findFirst();
  }

  public Group getGroup(String groupId) {
    return get("/groups/" + segment(groupId), null, Group.class);
  }

  /**
   * Creates a group and returns its id; 409 (a {@link FlywheelException}) when the id is taken.
   * After an unclear answer it checks whether the group exists before sending the create again.
   */
  public String createGroup(String groupId, String label) {
    ObjectNode body = json.createObjectNode().put("_id", groupId).put("label", label);
    return create("/groups", body, () -> findGroup(groupId).map(g -> idNode(g.id())));
  }

  public void addGroupTag(String groupId, String tag) {
    post(
        "/groups/" + segment(groupId) + "/tags",
        json.createObjectNode().put("value", tag),
        () ->
            getGroup(groupId).tags().contains(tag)
                ? Optional.of(json.createObjectNode())
                : Optional.empty());
  }

  public void addGroupPermission(String groupId, AccessPermission permission) {
    post(
        "/groups/" + segment(groupId) + "/permissions",
        json.valueToTree(permission),
        () -> getGroup(groupId).permissionOf(permission.id()).map(json::valueToTree));
  }

  public void updateGroupPermission(String groupId, String userId, String access) {
    put(
        "/groups/" + segment(groupId) + "/permissions/" + segment(userId),
        json.createObjectNode().put("access", access));
  }

  /** The project roles a group offers. */
  public List<Role> groupRoles(String groupId) {
    return get("/groups/" + segment(groupId) + "/roles", null, ROLES);
  }

  /** Offers a site role to a group's projects. */
  public void addGroupRole(String groupId, String roleId) {
    post(
        "/groups/" + segment(groupId) + "/roles",
        json.createObjectNode().put("_id", roleId),
        () ->
            getGroup(groupId).roles().contains(roleId)
                ? Optional.of(json.createObjectNode())
                : Optional.empty());
  }

  /** The projects of a group. */
  public List<Project> groupProjects(String groupId) {
    return get("/groups/" + segment(groupId) + "/projects", null, PROJECTS);
  }

  // ---- projects ----

  /**
   * Projects matching filter conditions such as {@code parents.group=nacc} or {@code
   * label=~^ingest-}.
   */
  public List<Project> findProjects(String... conditions) {
    return get("/projects", filter(conditions), PROJECTS);
  }

  /** The project with this label in this group. */
  public Optional<Project> findProject(String groupId, String label) {
    return findProjects(Filters.eq("parents.group", groupId), Filters.eq("label", label)).stream()
        .findFirst();
  }

  public Project getProject(String projectId) {
    return get("/projects/" + segment(projectId), null, Project.class);
  }

  /**
   * Creates a project in a group and returns its id; 409 when the label exists in the group. After
   * an unclear answer it looks the label up before sending the create again.
   */
  public String createProject(String groupId, String label, String description) {
    ObjectNode body = json.createObjectNode().put("group", groupId).put("label", label);
    if (description != null) {
      body.put("description", description);
    }
    return create("/projects", body, () -> findProject(groupId, label).map(p -> idNode(p.id())));
  }

  public void addProjectTag(String projectId, String tag) {
    post(
        "/projects/" + segment(projectId) + "/tags",
        json.createObjectNode().put("value", tag),
        () ->
            getProject(projectId).tags().contains(tag)
                ? Optional.of(json.createObjectNode())
                : Optional.empty());
  }

  /** Gives a user roles on a project; 409 when the user already has an entry. */
  public void addProjectPermission(String projectId, RolePermission permission) {
    post(
        "/projects/" + segment(projectId) + "/permissions",
        json.valueToTree(permission),
        () -> getProject(projectId).permissionOf(permission.id()).map(json::valueToTree));
  }

  /** Replaces a user's roles on a project. */
  public void updateProjectPermission(String projectId, String userId, List<String> roleIds) {
    put(
        "/projects/" + segment(projectId) + "/permissions/" + segment(userId),
        json.createObjectNode().set("role_ids", json.valueToTree(roleIds)));
  }

  /** Sets (merges) keys of a project's info. */
  public void setProjectInfo(String projectId, Map<String, ?> values) {
    ObjectNode body = json.createObjectNode();
    body.set("set", json.valueToTree(values));
    call(
        jsonRequest("PATCH", "/projects/" + segment(projectId) + "/info", body),
        Transport.Check.IDEMPOTENT,
        null);
  }

  public void setProjectDescription(String projectId, String description) {
    put("/projects/" + segment(projectId), json.createObjectNode().put("description", description));
  }

  // ---- gear rules ----

  /** The gear rules of a project. */
  public List<GearRule> projectRules(String projectId) {
    return get("/projects/" + segment(projectId) + "/rules", null, RULES);
  }

  public GearRule projectRule(String projectId, String ruleId) {
    return get(
        "/projects/" + segment(projectId) + "/rules/" + segment(ruleId), null, GearRule.class);
  }

  /**
   * Adds a gear rule to a project and returns it as stored (with its id). After an unclear answer
   * it looks for a rule of that name on the project before sending the add again, so a rule is
   * never added twice.
   */
  public GearRule addProjectRule(String projectId, GearRule rule) {
    String path = "/projects/" + segment(projectId) + "/rules";
    JsonNode answer =
        call(
            jsonRequest("POST", path, json.valueToTree(rule.withId(null))),
            () ->
                projectRules(projectId).stream()
                    .filter(r -> rule.name().equals(r.name()))
                    .findFirst()
                    .map(json::valueToTree),
            json.constructType(JsonNode.class));
    // The modern API answers the whole rule; the 2019 one only {"_id": ...}.
    if (answer.has("gear_id")) {
      return json.convertValue(answer, GearRule.class);
    }
    return projectRule(projectId, answer.path("_id").asText());
  }

  /** Changes a rule in place (its id stays); the fields given replace the rule's. */
  public GearRule modifyProjectRule(String projectId, String ruleId, GearRule rule) {
    String path = "/projects/" + segment(projectId) + "/rules/" + segment(ruleId);
    JsonNode body = json.valueToTree(rule.withId(null));
    call(jsonRequest("PUT", path, body), Transport.Check.IDEMPOTENT, null);
    return projectRule(projectId, ruleId);
  }

  /**
   * Removes a rule. A rule that is not there (404) counts as removed: after a lost answer the retry
   * finds it gone, which is what was asked.
   */
  public void deleteProjectRule(String projectId, String ruleId) {
    Transport.Request request =
        new Transport.Request(
            "DELETE",
            "/projects/" + segment(projectId) + "/rules/" + segment(ruleId),
            null,
            null,
            null);
    try {
      answer(request, Transport.Check.IDEMPOTENT);
    } catch (FlywheelException e) {
      if (!e.isNotFound()) {
        throw e;
      }
    }
  }

  // ---- project settings: viewer apps ----

  /**
   * A project's settings ({@code viewer_apps}, {@code deid_profile}, ...), as Flywheel gives them.
   */
  public JsonNode projectSettings(String projectId) {
    return get("/projects/" + segment(projectId) + "/settings", null, JsonNode.class);
  }

  /** The viewer apps of a project's settings. */
  public List<ViewerApp> projectViewerApps(String projectId) {
    List<ViewerApp> apps = new java.util.ArrayList<>();
    for (JsonNode app : projectSettings(projectId).path("viewer_apps")) {
      apps.add(ViewerApp.of(app));
    }
    return apps;
  }

  /** Replaces the viewer apps of a project (the other settings stay as they are). */
  public void setProjectViewerApps(String projectId, List<ViewerApp> apps) {
    ObjectNode body = json.createObjectNode();
    com.fasterxml.jackson.databind.node.ArrayNode list = body.putArray("viewer_apps");
    apps.forEach(app -> list.add(app.json()));
    put("/projects/" + segment(projectId) + "/settings", body);
  }

  // ---- roles, users ----

  public List<Role> roles() {
    return get("/roles", null, ROLES);
  }

  public Optional<Role> findRole(String label) {
    return roles().stream().filter(r -> label.equals(r.label())).findFirst();
  }

  public List<User> findUsers(String... conditions) {
    return get("/users", filter(conditions), USERS);
  }

  public User getUser(String userId) {
    return get("/users/" + segment(userId), null, User.class);
  }

  /** The user with this id, if there is one. */
  public Optional<User> findUser(String userId) {
    return findUsers(Filters.eq("_id", userId)).stream().findFirst();
  }

  /**
   * Creates a user (site admins only) and returns its id; 409 when the id is taken. After an
   * unclear answer it checks whether the user exists before sending the create again.
   */
  public String createUser(String userId, String email, String firstname, String lastname) {
    ObjectNode body =
        json.createObjectNode()
            .put("_id", userId)
            .put("email", email)
            .put("firstname", firstname)
            .put("lastname", lastname);
    return create("/users", body, () -> findUser(userId).map(u -> idNode(u.id())));
  }

  /** Changes the fields of a user that the update sets (site admins only). */
  public void updateUser(String userId, UserUpdate update) {
    if (update.isEmpty()) {
      throw new IllegalArgumentException("an update of user " + userId + " that changes nothing");
    }
    put("/users/" + segment(userId), json.valueToTree(update));
  }

  // ---- files ----

  /**
   * Uploads (or replaces) a file of a project; returns the stored file. After an unclear answer it
   * checks whether the project holds these bytes under that name before sending them again.
   */
  public FileEntry uploadProjectFile(
      String projectId, String name, byte[] content, String contentType) {
    String boundary = "fwgear-" + UUID.randomUUID();
    byte[] body = multipart(boundary, name, content, contentType);
    Transport.Request request =
        new Transport.Request(
            "POST",
            "/projects/" + segment(projectId) + "/files",
            null,
            body,
            "multipart/form-data; boundary=" + boundary);
    // After an unclear answer: if the project has the file with these bytes (Flywheel's hash), the
    // upload went through; sending it again would only make a needless new version.
    String hash = hash(content);
    Transport.Check ifDone =
        () -> {
          try {
            FileEntry there = projectFileInfo(projectId, name);
            return hash.equals(there.hash())
                ? Optional.of(json.createArrayNode().add(json.valueToTree(there)))
                : Optional.empty();
          } catch (FlywheelException e) {
            if (e.isNotFound()) {
              return Optional.empty();
            }
            throw e;
          }
        };
    List<FileEntry> stored = call(request, ifDone, json.getTypeFactory().constructType(FILES));
    return stored.stream()
        .filter(f -> name.equals(f.name()))
        .findFirst()
        .orElseThrow(
            () ->
                new FlywheelException(
                    "POST", request.shownPath(), 200, "the answer lists no " + name));
  }

  public byte[] downloadProjectFile(String projectId, String name) {
    Transport.Request request =
        Transport.Request.get("/projects/" + segment(projectId) + "/files/" + segment(name), null);
    return answer(request, Transport.Check.IDEMPOTENT);
  }

  public FileEntry projectFileInfo(String projectId, String name) {
    return get(
        "/projects/" + segment(projectId) + "/files/" + segment(name) + "/info",
        null,
        FileEntry.class);
  }

  // ---- gears, jobs ----

  public List<Gear> findGears(String... conditions) {
    return get("/gears", filter(conditions), GEARS);
  }

  /** The newest registered version of a gear by name. */
  public Optional<Gear> findGear(String name) {
    return findGears(Filters.eq("gear.name", name)).stream().reduce((a, b) -> b);
  }

  /** A gear version by id. */
  public Gear getGear(String gearId) {
    return get("/gears/" + segment(gearId), null, Gear.class);
  }

  /** The latest version of a gear by name ({@code fw.lookup("gears/<name>")}); empty if none. */
  public Optional<Gear> lookupGear(String name) {
    return lookup(List.of("gears", name), Gear.class);
  }

  /** A gear by name and version; empty if the site does not have that version. */
  public Optional<Gear> lookupGear(String name, String version) {
    return lookup(List.of("gears", name, version), Gear.class);
  }

  private <T> Optional<T> lookup(List<String> path, Class<T> type) {
    ObjectNode body = json.createObjectNode();
    body.set("path", json.valueToTree(path));
    try {
      // A lookup is a read sent as POST: safe to repeat.
      return Optional.of(
          call(
              jsonRequest("POST", "/lookup", body),
              Transport.Check.IDEMPOTENT,
              json.constructType(type)));
    } catch (FlywheelException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Every registered version of a gear ({@code all_versions=true}), newest first. */
  public List<Gear> gearVersions(String name) {
    return get("/gears", "all_versions=true&" + filter(Filters.eq("gear.name", name)), GEARS);
  }

  /**
   * Registers a gear with its image archive the legacy way ({@code POST /gears/temp}, site admins):
   * a multipart body of a {@code metadata} field ({@code {"category", "gear": <manifest>,
   * "exchange": {"git-commit"}}}) and the archive as {@code gear.tar}. The site fills in {@code
   * exchange.rootfs-hash} and {@code rootfs-url}. Returns the gear's id. A version the site already
   * has is refused (409). After an unclear answer it is sent again only if the site does not list
   * the version.
   */
  public String uploadGear(JsonNode document, Path archive) {
    String name = document.path("gear").path("name").asText();
    String version = document.path("gear").path("version").asText();
    byte[] content;
    try {
      content = Files.readAllBytes(archive);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the gear archive " + archive, e);
    }
    String boundary = "fwgear-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 16384);
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(transport.bytes(document));
    body.writeBytes(
        ("\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gear.tar\"\r\n"
                + "Content-Type: application/x-tar\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Transport.Request request =
        new Transport.Request(
            "POST",
            "/gears/temp",
            null,
            body.toByteArray(),
            "multipart/form-data; boundary=" + boundary);
    Transport.Check ifDone = () -> lookupGear(name, version).map(g -> idNode(g.id()));
    JsonNode answer = call(request, ifDone, json.constructType(JsonNode.class));
    return answer.path("_id").asText();
  }

  /**
   * Queues a job and returns its id. Not retried after an unclear answer (a job is not idempotent).
   */
  public String addJob(JobRequest job) {
    Transport.Request request =
        new Transport.Request(
            "POST", "/jobs/add", null, transport.bytes(json.valueToTree(job)), "application/json");
    JsonNode answer = call(request, null, json.constructType(JsonNode.class));
    return answer.path("_id").asText();
  }

  public Job getJob(String jobId) {
    return get("/jobs/" + segment(jobId), null, Job.class);
  }

  public List<Job> findJobs(String... conditions) {
    return get("/jobs", filter(conditions), JOBS);
  }

  // ---- plumbing ----

  private <T> T get(String path, String query, Class<T> type) {
    return call(
        Transport.Request.get(path, query), Transport.Check.IDEMPOTENT, json.constructType(type));
  }

  private <T> T get(String path, String query, TypeReference<T> type) {
    return call(
        Transport.Request.get(path, query),
        Transport.Check.IDEMPOTENT,
        json.getTypeFactory().constructType(type));
  }

  private String create(String path, JsonNode body, Transport.Check ifDone) {
    JsonNode answer =
        call(jsonRequest("POST", path, body), ifDone, json.constructType(JsonNode.class));
    return answer.path("_id").asText();
  }

  private void post(String path, JsonNode body, Transport.Check ifDone) {
    call(jsonRequest("POST", path, body), ifDone, null);
  }

  private void put(String path, JsonNode body) {
    call(jsonRequest("PUT", path, body), Transport.Check.IDEMPOTENT, null);
  }

  private Transport.Request jsonRequest(String method, String path, JsonNode body) {
    return new Transport.Request(method, path, null, transport.bytes(body), "application/json");
  }

  /** Sends a request and reads its answer as {@code type} (null: the answer is not needed). */
  private <T> T call(Transport.Request request, Transport.Check check, JavaType type) {
    byte[] body = answer(request, check);
    if (type == null) {
      return null;
    }
    try {
      return json.readValue(body, type);
    } catch (IOException e) {
      throw new FlywheelException(
          request.method(),
          request.shownPath(),
          200,
          transport.redact("the answer is not the expected JSON: " + e.getMessage()));
    }
  }

  /** The body of a successful answer; any other answer is a {@link FlywheelException}. */
  private byte[] answer(Transport.Request request, Transport.Check check) {
    Transport.Answer answer = transport.send(request, check);
    if (answer.status() / 100 != 2) {
      throw transport.error(request, answer);
    }
    return answer.body();
  }

  private ObjectNode idNode(String id) {
    return json.createObjectNode().put("_id", id);
  }

  private static String filter(String... conditions) {
    if (conditions.length == 0) {
      return null;
    }
    return "filter=" + URLEncoder.encode(String.join(",", conditions), StandardCharsets.UTF_8);
  }

  /** One path segment, percent-encoded. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Flywheel's hash of a file's bytes: {@code v0-sha384-<hex>}. */
  public static String hash(byte[] content) {
    try {
      return "v0-sha384-"
          + java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-384").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-384 is part of every JDK", e);
    }
  }

  private static byte[] multipart(
      String boundary, String name, byte[] content, String contentType) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
    // The HTML form encoding of a name (WHATWG): the server decodes it back, and refuses a name
    // with CR or LF rather than storing another name.
    String safeName = name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    String head =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\""
            + safeName
            + "\"\r\n"
            + "Content-Type: "
            + (contentType == null ? "application/octet-stream" : contentType)
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
