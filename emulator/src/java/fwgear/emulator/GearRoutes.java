package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/** {@code /api/gears} and {@code /api/jobs}: registered gears and the jobs queued for them. */
final class GearRoutes {
  /** The job state machine of Flywheel: which states a job may move to from each state. */
  private static final Map<String, Set<String>> TRANSITIONS =
      Map.of(
          "pending", Set.of("pending", "running", "cancelled"),
          "running", Set.of("running", "cancelled", "failed", "complete"),
          "failed", Set.of(),
          "complete", Set.of(),
          "cancelled", Set.of());

  private final Store store;
  private final Access access;

  GearRoutes(Store store, Access access) {
    this.store = store;
    this.access = access;
  }

  void register(Router router) {
    router
        .add("GET", "/api/gears", this::listGears)
        .add("GET", "/api/gears/{id}", c -> Reply.ok(gear(c.param("id"))))
        .add("POST", "/api/gears/{name}", this::addGear)
        .add("POST", "/api/jobs/add", this::addJob)
        .add(
            "GET",
            "/api/jobs",
            c -> Listing.of(c, store.list("jobs"), j -> true, GearRoutes::jobView))
        .add("GET", "/api/jobs/{id}", c -> Reply.ok(jobView(job(c.param("id")))))
        .add("PUT", "/api/jobs/{id}", this::modifyJob);
  }

  private Reply listGears(Call call) {
    return Listing.of(call, store.list("gears"), g -> !g.path("disabled").asBoolean(false), g -> g);
  }

  private ObjectNode gear(String id) {
    return store.get("gears", id).orElseThrow(() -> ApiError.notFound("Cannot find gear " + id));
  }

  /**
   * Registers a gear from {@code {"category": ..., "gear": <manifest>}}; 409 if that version
   * exists.
   */
  private Reply addGear(Call call) {
    access.requireSiteAdmin(call.caller(), "add gears");
    ObjectNode body = call.objectBody();
    JsonNode manifest = body.path("gear");
    String name = Containers.requiredText(manifest, "name");
    String version = Containers.requiredText(manifest, "version");
    if (!name.equals(call.param("name"))) {
      throw ApiError.badRequest("The gear name in the path and in the manifest differ");
    }
    boolean exists =
        store.list("gears").stream()
            .anyMatch(
                g ->
                    g.path("gear").path("name").asText().equals(name)
                        && g.path("gear").path("version").asText().equals(version));
    if (exists) {
      throw ApiError.conflict("Gear " + name + " " + version + " already exists");
    }
    String id = Ids.objectId();
    String now = Ids.now();
    ObjectNode gear = NODES.objectNode();
    gear.put("_id", id);
    gear.put("category", body.path("category").asText("utility"));
    gear.set("gear", manifest);
    gear.put("disabled", false);
    gear.put("created", now);
    gear.put("modified", now);
    insert("gears", id, gear);
    return Reply.ok(Containers.insertedId(id));
  }

  private Reply addJob(Call call) {
    ObjectNode body = call.objectBody();
    String gearId = Containers.requiredText(body, "gear_id");
    ObjectNode gear =
        store.get("gears", gearId).orElseThrow(() -> ApiError.badRequest("No gear " + gearId));
    JsonNode declared = gear.path("gear").path("inputs");
    body.path("inputs")
        .fieldNames()
        .forEachRemaining(
            input -> {
              if (!declared.has(input)) {
                throw ApiError.badRequest("Gear " + gearId + " has no input " + input);
              }
            });
    JsonNode destination = body.path("destination");
    if (!destination.path("type").isTextual() || !destination.path("id").isTextual()) {
      throw ApiError.badRequest("A job needs a destination {type, id}");
    }
    if (destination.path("type").asText().equals("project")) {
      access.writableProject(call.caller(), destination.path("id").asText());
    }
    String id = Ids.objectId();
    String now = Ids.now();
    ObjectNode job = NODES.objectNode();
    job.put("_id", id);
    job.put("gear_id", gearId);
    ObjectNode info = job.putObject("gear_info");
    info.put("id", gearId);
    info.put("category", gear.path("category").asText());
    info.put("name", gear.path("gear").path("name").asText());
    info.put("version", gear.path("gear").path("version").asText());
    job.set("inputs", body.path("inputs").isObject() ? body.get("inputs") : NODES.objectNode());
    job.set("destination", destination);
    job.set("config", body.path("config").isObject() ? body.get("config") : NODES.objectNode());
    job.set("tags", body.path("tags").isArray() ? body.get("tags") : NODES.arrayNode());
    job.put("label", body.path("label").asText(null));
    job.put("priority", body.path("priority").asText("medium"));
    job.put("state", "pending");
    job.put("attempt", 1);
    job.putObject("origin").put("type", "user").put("id", call.caller().userId());
    job.put("created", now);
    job.put("modified", now);
    insert("jobs", id, job);
    return Reply.ok(Containers.insertedId(id));
  }

  private ObjectNode job(String id) {
    return store.get("jobs", id).orElseThrow(() -> ApiError.notFound("Job " + id + " not found"));
  }

  private Reply modifyJob(Call call) {
    String id = call.param("id");
    ObjectNode body = call.objectBody();
    String target = Containers.requiredText(body, "state");
    Containers.change(
        store,
        "jobs",
        id,
        job -> {
          String state = job.path("state").asText();
          if (!TRANSITIONS.getOrDefault(state, Set.of()).contains(target)) {
            throw ApiError.unprocessable("A job cannot go from " + state + " to " + target);
          }
          job.put("state", target);
          if (body.has("failure_reason")) {
            job.put("failure_reason", body.get("failure_reason").asText());
          }
        });
    return Reply.ok(Containers.modified(1));
  }

  /** Unlike other documents, a job carries its id as {@code id}. */
  private static ObjectNode jobView(ObjectNode job) {
    ObjectNode view = NODES.objectNode();
    view.put("id", job.path("_id").asText());
    job.fields()
        .forEachRemaining(
            field -> {
              if (!field.getKey().equals("_id")) {
                view.set(field.getKey(), field.getValue());
              }
            });
    return view;
  }

  private void insert(String kind, String id, ObjectNode document) {
    try {
      store.insert(kind, id, document);
    } catch (Store.DuplicateException e) {
      throw ApiError.conflict(kind + " " + id + " already exists");
    }
  }
}
