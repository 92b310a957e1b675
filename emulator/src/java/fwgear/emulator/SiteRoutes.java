package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Site-wide endpoints: version, config, who am I, users and roles. */
final class SiteRoutes {
  static final String RELEASE = "20.0.0";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private final Store store;
  private final Access access;
  private final Supplier<String> siteUrl;

  SiteRoutes(Store store, Access access, Supplier<String> siteUrl) {
    this.store = store;
    this.access = access;
    this.siteUrl = siteUrl;
  }

  void register(Router router) {
    router
        .add("GET", "/api/version", c -> Reply.ok(version()))
        .add("GET", "/api/config", c -> Reply.ok(config()))
        .add("GET", "/api/users/self", this::self)
        .add("GET", "/api/auth/status", this::authStatus)
        .add("GET", "/api/users", c -> Listing.of(c, store.list("users"), u -> true, u -> u))
        .add("POST", "/api/users", this::createUser)
        .add("GET", "/api/users/{uid}", c -> Reply.ok(user(c.param("uid"))))
        .add("PUT", "/api/users/{uid}", this::modifyUser)
        .add("GET", "/api/roles", c -> Listing.of(c, store.list("roles"), r -> true, r -> r))
        .add("POST", "/api/roles", this::createRole)
        .add("GET", "/api/roles/actions", c -> Reply.ok(NODES.arrayNode().addAll(actions())))
        .add("GET", "/api/roles/{rid}", this::role);
  }

  private ObjectNode version() {
    return NODES
        .objectNode()
        .put("_id", "version")
        .put("database", 1)
        .put("release", RELEASE)
        .put("flywheel_release", RELEASE);
  }

  private ObjectNode config() {
    ObjectNode config = NODES.objectNode();
    ObjectNode site = config.putObject("site");
    site.put("id", "local");
    site.put("name", "Local Flywheel emulator");
    site.put("api_url", siteUrl.get() + "/api");
    site.put("redirect_url", siteUrl.get());
    site.put("central_url", siteUrl.get());
    site.put("registered", false);
    // No signed URLs: clients upload with plain multipart to the server itself.
    config.putObject("features").put("signed_url", false).put("job_tickets", false);
    config.put("signed_url", false);
    return config;
  }

  private Reply self(Call call) {
    ObjectNode user = user(call.caller().userId()).deepCopy();
    return Reply.ok(user);
  }

  private Reply authStatus(Call call) {
    ObjectNode status = NODES.objectNode();
    status.putObject("origin").put("type", "user").put("id", call.caller().userId());
    status.put("user_id", call.caller().userId());
    status.put("user_is_admin", call.caller().siteAdmin());
    status.put("is_device", false);
    status.set("roles", user(call.caller().userId()).path("roles"));
    return Reply.ok(status);
  }

  private ObjectNode user(String id) {
    return store.get("users", id).orElseThrow(() -> ApiError.notFound("User " + id + " not found"));
  }

  private Reply createUser(Call call) {
    access.requireSiteAdmin(call.caller(), "add users");
    Body body = Body.of(call, "_id", "email", "firstname", "lastname");
    String id = Ids.userId("_id", body.requiredText("_id"));
    String email = email(body).orElse(id);
    String firstname = body.text("firstname", Body.MAX_LABEL).orElse("");
    String lastname = body.text("lastname", Body.MAX_LABEL).orElse("");
    String now = Ids.now();
    ObjectNode user = NODES.objectNode();
    user.put("_id", id);
    user.put("user_id", id);
    user.put("email", email);
    user.put("firstname", firstname);
    user.put("lastname", lastname);
    user.putArray("roles").add("user");
    user.put("root", false);
    user.put("disabled", false);
    user.put("created", now);
    user.put("modified", now);
    try {
      store.insert("users", id, user);
    } catch (Store.DuplicateException e) {
      throw ApiError.conflict("User " + id + " already exists");
    }
    return Reply.ok(Containers.insertedId(id));
  }

  /**
   * {@code PUT /api/users/{uid}} ({@code ModifyUserInput}): names, email and the disabled flag; an
   * empty body is a 400 (nothing to change), as in the 2019 API. Site admins only.
   */
  private Reply modifyUser(Call call) {
    access.requireSiteAdmin(call.caller(), "modify users");
    String id = Ids.userId("user id", call.param("uid"));
    Body body = Body.of(call, "email", "firstname", "lastname", "disabled");
    if (!body.node().fieldNames().hasNext()) {
      throw ApiError.badRequest(
          "Nothing to change: the body has none of email, firstname," + " lastname, disabled");
    }
    Optional<String> email = email(body);
    Optional<String> firstname = body.text("firstname", Body.MAX_LABEL);
    Optional<String> lastname = body.text("lastname", Body.MAX_LABEL);
    Optional<Boolean> disabled = body.bool("disabled");
    Containers.change(
        store,
        "users",
        id,
        user -> {
          email.ifPresent(value -> user.put("email", value));
          firstname.ifPresent(value -> user.put("firstname", value));
          lastname.ifPresent(value -> user.put("lastname", value));
          disabled.ifPresent(value -> user.put("disabled", value));
        });
    return Reply.ok(Containers.modified(1));
  }

  /** An email address: at most 256 characters, one {@code @} with text on both sides. */
  private static Optional<String> email(Body body) {
    Optional<String> email = body.text("email", 256);
    if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
      throw ApiError.badField("email", "email " + email.get() + " is not an email address");
    }
    return email;
  }

  private Reply createRole(Call call) {
    access.requireSiteAdmin(call.caller(), "add roles");
    Body body = Body.of(call, "label", "actions");
    String label = body.label("label");
    List<String> actions = body.texts("actions").orElse(List.of());
    for (int i = 0; i < actions.size(); i++) {
      if (!RoleActions.ALL.contains(actions.get(i))) {
        throw ApiError.badField(
            "actions",
            "actions[" + i + "] " + actions.get(i) + " is not an action (GET /api/roles/actions)");
      }
    }
    boolean taken =
        store.list("roles").stream().anyMatch(r -> r.path("label").asText().equals(label));
    if (taken) {
      throw ApiError.conflict("Role " + label + " already exists");
    }
    String id = Ids.objectId();
    ObjectNode role = NODES.objectNode();
    role.put("_id", id);
    role.put("label", label);
    role.putArray("actions").addAll(actions.stream().map(NODES::textNode).toList());
    try {
      store.insert("roles", id, role);
    } catch (Store.DuplicateException e) {
      throw ApiError.conflict("Role " + label + " already exists");
    }
    return Reply.ok(role);
  }

  private static Collection<JsonNode> actions() {
    return RoleActions.ALL.stream().map(a -> (JsonNode) NODES.textNode(a)).toList();
  }

  private Reply role(Call call) {
    String id = call.param("rid");
    return Reply.ok(
        store.get("roles", id).orElseThrow(() -> ApiError.notFound("Role " + id + " not found")));
  }
}
