package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/**
 * {@code /api/projects/{pid}/rules}: a project's gear rules (list, get, add, modify, delete) and
 * {@code /api/projects/{pid}/settings} (viewer apps and the other project settings).
 */
final class RuleRoutes {
  private final Store store;
  private final Access access;

  RuleRoutes(Store store, Access access) {
    this.store = store;
    this.access = access;
  }

  void register(Router router) {
    router
        .add("GET", "/api/projects/{pid}/rules", this::list)
        .add("POST", "/api/projects/{pid}/rules", this::add)
        .add("GET", "/api/projects/{pid}/rules/{ruleid}", c -> Reply.ok(rule(readable(c), c)))
        .add("PUT", "/api/projects/{pid}/rules/{ruleid}", this::modify)
        .add("DELETE", "/api/projects/{pid}/rules/{ruleid}", this::delete)
        .add(
            "GET",
            "/api/projects/{pid}/settings",
            c -> Reply.ok(Settings.of(access.readableProject(c.caller(), c.param("pid")))))
        .add("PUT", "/api/projects/{pid}/settings", this::modifySettings);
  }

  private String readable(Call call) {
    return access.readableProject(call.caller(), call.param("pid")).path("_id").asText();
  }

  private String writable(Call call) {
    return access.writableProject(call.caller(), call.param("pid")).path("_id").asText();
  }

  private Reply list(Call call) {
    String projectId = readable(call);
    return Listing.of(
        call,
        store.list("rules").stream()
            .filter(r -> r.path("project_id").asText().equals(projectId))
            .sorted(Comparator.comparing(r -> r.path("created").asText()))
            .toList(),
        r -> true,
        r -> r);
  }

  private ObjectNode rule(String projectId, Call call) {
    String id = call.param("ruleid");
    return store
        .get("rules", id)
        .filter(r -> r.path("project_id").asText().equals(projectId))
        .orElseThrow(() -> ApiError.notFound("Rule not found."));
  }

  private Reply add(Call call) {
    String projectId = writable(call);
    ObjectNode rule = Rules.checked(store, projectId, call.objectBody());
    String id = Ids.objectId();
    String now = Ids.now();
    ObjectNode stored = NODES.objectNode().put("_id", id);
    stored.setAll(rule);
    stored.put("revision", 1);
    stored.put("created", now);
    stored.put("modified", now);
    try {
      store.insert("rules", id, stored);
    } catch (Store.DuplicateException e) {
      throw ApiError.conflict("Rule " + id + " already exists");
    }
    return Reply.ok(stored);
  }

  private Reply modify(Call call) {
    String projectId = writable(call);
    ObjectNode current = rule(projectId, call);
    ObjectNode rule = Rules.checked(store, projectId, Rules.merged(current, call.objectBody()));
    ObjectNode updated =
        Containers.change(
            store,
            "rules",
            current.path("_id").asText(),
            stored -> {
              stored.setAll(rule);
            });
    return Reply.ok(updated);
  }

  private Reply delete(Call call) {
    String projectId = writable(call);
    ObjectNode current = rule(projectId, call);
    Containers.transact(
        store,
        tx -> {
          tx.delete("rules", current.path("_id").asText());
          return null;
        });
    return Reply.bytes(new byte[0], "application/json");
  }

  private Reply modifySettings(Call call) {
    String projectId = writable(call);
    ObjectNode body = call.objectBody();
    ObjectNode checked = Settings.checked(body);
    ObjectNode updated =
        Containers.change(
            store,
            "projects",
            projectId,
            project -> {
              ObjectNode settings =
                  project.path("settings").isObject()
                      ? (ObjectNode) project.get("settings")
                      : project.putObject("settings");
              settings.setAll(checked);
            });
    return Reply.ok(Settings.of(updated));
  }

  /** A project's settings: stored in the project, always answered with {@code viewer_apps}. */
  static final class Settings {
    private static final java.util.Set<String> KEYS =
        java.util.Set.of(
            "viewer_apps",
            "deid_profile",
            "forms",
            "external_routing_id",
            "sharing",
            "workspaces",
            "cvat");

    private Settings() {}

    static ObjectNode of(ObjectNode project) {
      ObjectNode settings =
          project.path("settings").isObject()
              ? ((ObjectNode) project.get("settings")).deepCopy()
              : NODES.objectNode();
      if (!settings.has("viewer_apps")) {
        settings.putArray("viewer_apps");
      }
      return settings;
    }

    /** The keys a PUT sets: only those given change; a key Flywheel does not know is 400. */
    static ObjectNode checked(ObjectNode body) {
      ObjectNode checked = NODES.objectNode();
      body.fields()
          .forEachRemaining(
              field -> {
                if (!KEYS.contains(field.getKey())) {
                  throw ApiError.badRequest("Project settings have no field " + field.getKey());
                }
                checked.set(field.getKey(), field.getValue());
              });
      if (checked.has("viewer_apps")) {
        if (!checked.get("viewer_apps").isArray()) {
          throw ApiError.badRequest("viewer_apps must be a list of apps");
        }
        ArrayNode apps = (ArrayNode) checked.get("viewer_apps");
        for (int i = 0; i < apps.size(); i++) {
          if (!apps.get(i).isObject() || !apps.get(i).path("name").isTextual()) {
            throw ApiError.badRequest("viewer_apps." + i + " must be an app with a name");
          }
        }
      }
      return checked;
    }
  }
}
