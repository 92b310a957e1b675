package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.json.LocatedDocument;
import fwgear.manifest.ConfigDirective;
import fwgear.manifest.Manifest;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/gears} and {@code /api/jobs}: registered gears and the jobs queued for them.
 *
 * <p>Gears are registered three ways, as on a real site: {@code POST /api/gears/temp} (the legacy
 * upload of the gear's image archive with its manifest, which {@code ./gear upload} uses; the
 * archive is kept in the database, beside the gear document, and served at {@code GET
 * /api/gears/temp/{id}}), {@code POST /api/gears/{name}} (a document whose {@code exchange} points
 * at an image elsewhere) and the seed. A name and version is registered once: a second one is 409
 * with the real API's message.
 */
final class GearRoutes {
  /** The largest gear archive {@code POST /api/gears/temp} takes (the request body limit there). */
  static final long MAX_ARCHIVE_BYTES = 512L << 20;

  static final String UPLOAD_PATH = "/api/gears/temp";

  /** The job state machine of Flywheel: which states a job may move to from each state. */
  private static final Map<String, Set<String>> TRANSITIONS =
      Map.of(
          "pending", Set.of("pending", "running", "cancelled"),
          "running", Set.of("running", "cancelled", "failed", "complete"),
          "failed", Set.of(),
          "complete", Set.of(),
          "cancelled", Set.of());

  private static final List<String> PRIORITIES = List.of("low", "medium", "high", "critical");

  private final Store store;
  private final Access access;

  GearRoutes(Store store, Access access) {
    this.store = store;
    this.access = access;
  }

  void register(Router router) {
    router
        .add("GET", "/api/gears", this::listGears)
        // Before /api/gears/{gearname}, which would take "temp" for a name.
        .add("POST", UPLOAD_PATH, this::uploadGear)
        .add("GET", UPLOAD_PATH + "/{gearid}", this::downloadGear)
        .add("GET", "/api/gears/{gearid}", c -> Reply.ok(gear(c.param("gearid"))))
        .add("POST", "/api/gears/{gearname}", this::addGear)
        .add("POST", "/api/jobs/add", this::addJob)
        .add(
            "GET",
            "/api/jobs",
            c -> Listing.of(c, store.list("jobs"), j -> true, GearRoutes::jobView))
        .add("GET", "/api/jobs/{jid}", c -> Reply.ok(jobView(job(c.param("jid")))))
        .add("PUT", "/api/jobs/{jid}", this::modifyJob);
  }

  /**
   * Without {@code all_versions}, one document per gear name: the most recently created one; with
   * it, every version, by name, newest first (as the real API sorts them).
   */
  private Reply listGears(Call call) {
    List<ObjectNode> gears = new ArrayList<>();
    for (ObjectNode gear : store.list("gears")) {
      if (!gear.path("disabled").asBoolean(false)) {
        gears.add(gear);
      }
    }
    gears.sort(
        Comparator.comparing((ObjectNode g) -> g.path("gear").path("name").asText())
            .thenComparing(
                Comparator.comparing((ObjectNode g) -> g.path("created").asText())
                    .thenComparing(g -> g.path("_id").asText())
                    .reversed()));
    if (!call.flag("all_versions")) {
      Map<String, ObjectNode> latest = new LinkedHashMap<>();
      for (ObjectNode gear : gears) {
        latest.putIfAbsent(gear.path("gear").path("name").asText(), gear);
      }
      gears = new ArrayList<>(latest.values());
    }
    return Listing.of(call, gears, g -> true, g -> g);
  }

  private ObjectNode gear(String id) {
    return store.get("gears", id).orElseThrow(() -> ApiError.notFound("Cannot find gear " + id));
  }

  /**
   * Registers a gear from {@code {"category": ..., "gear": <manifest>}}: the manifest must pass the
   * runtime's own manifest checks (the gear spec); 409 if that version exists.
   */
  private Reply addGear(Call call) {
    access.requireSiteAdmin(call.caller(), "add gears");
    Body body = Body.of(call, "category", "gear", "exchange");
    body.text("category");
    body.object("exchange");
    ObjectNode manifest = checkedManifest(body.requiredObject("gear"));
    String name = manifest.path("name").asText();
    String version = manifest.path("version").asText();
    if (!name.equals(call.param("gearname"))) {
      throw ApiError.badField("gear.name", "Name key must be present and match URL (gear.name)");
    }
    refuseDuplicate(name, version);
    String id = Ids.objectId();
    ObjectNode gear = document(id, body.node(), manifest);
    body.object("exchange").ifPresent(exchange -> gear.set("exchange", exchange));
    insertGear(id, gear, null);
    return Reply.ok(Containers.insertedId(id));
  }

  /**
   * The legacy gear upload: multipart with a {@code metadata} field, {@code {"category": ...,
   * "gear": <manifest>, "exchange": {"git-commit": ...}}}, and one file, the gear's image archive
   * (a tar: docker-archive or oci-archive). As on the real site, the server fills in {@code
   * exchange}: the archive's hash, {@code rootfs-url} {@code /api/gears/temp/<id>} (where the
   * engine fetches it) and {@code git-commit} ({@code local} when not given). The document and the
   * archive commit together.
   */
  private Reply uploadGear(Call call) {
    access.requireSiteAdmin(call.caller(), "upload gears");
    JsonNode metadata = null;
    Multipart.Part archive = null;
    for (Multipart.Part part :
        Multipart.parse(call.header("Content-Type").orElse(null), call.body())) {
      if ("metadata".equals(part.name()) && part.filename() == null) {
        metadata = parseMetadata(part.content());
      } else if (part.filename() != null) {
        if (archive != null) {
          throw ApiError.badRequest("A gear upload has one file, the gear's image archive");
        }
        archive = part;
      }
    }
    if (metadata == null || !metadata.isObject()) {
      throw ApiError.badRequest("A gear upload needs a metadata field: {\"gear\": <manifest>}");
    }
    if (archive == null) {
      throw ApiError.badRequest("A gear upload needs a file: the gear's image archive");
    }
    if (!isTar(archive.content())) {
      throw ApiError.badRequest("The gear archive " + archive.filename() + " is not a tar file");
    }
    JsonNode manifest = metadata.path("gear");
    String name = Containers.requiredText(manifest, "name");
    String version = Containers.requiredText(manifest, "version");
    refuseDuplicate(name, version);
    String id = Ids.objectId();
    String blobId = Ids.objectId();
    ObjectNode gear = document(id, (ObjectNode) metadata, manifest);
    ObjectNode exchange = gear.putObject("exchange");
    exchange.put("git-commit", metadata.path("exchange").path("git-commit").asText("local"));
    exchange.put("rootfs-hash", "sha256:" + sha256(archive.content()));
    exchange.put("rootfs-id", blobId);
    exchange.put("rootfs-url", UPLOAD_PATH + "/" + id);
    insertGear(id, gear, new Blob(blobId, archive.content()));
    return Reply.ok(Containers.insertedId(id));
  }

  private Reply downloadGear(Call call) {
    ObjectNode gear = gear(call.param("gearid"));
    String blobId = gear.path("exchange").path("rootfs-id").asText();
    byte[] archive =
        store
            .getBlob(blobId)
            .orElseThrow(
                () -> ApiError.notFound("Gear " + call.param("gearid") + " has no archive"));
    return Reply.bytes(archive, "application/x-tar");
  }

  private record Blob(String id, byte[] content) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CATEGORIES =
      Set.of("analysis", "converter", "utility", "classifier", "qa");

  private static JsonNode parseMetadata(byte[] content) {
    try {
      return JSON.readTree(content);
    } catch (java.io.IOException e) {
      throw ApiError.badRequest("The metadata field of a gear upload is not JSON");
    }
  }

  /** The manifest, if it passes the runtime's own manifest checks (the gear spec); else 400. */
  private static ObjectNode checkedManifest(ObjectNode manifest) {
    try {
      Manifest.from(LocatedDocument.parseJson(manifest.toString(), "gear"));
    } catch (InvalidInputException e) {
      List<Problem> errors = e.problems().stream().filter(Problem::isError).toList();
      Problem first = errors.get(0);
      throw ApiError.badField(
          "gear" + (first.key().isEmpty() ? "" : "." + first.key()),
          "The gear manifest is not valid: "
              + errors.stream()
                  .map(p -> (p.key().isEmpty() ? "" : p.key() + ": ") + p.message())
                  .collect(Collectors.joining("; ")));
    }
    return manifest;
  }

  private static ObjectNode document(String id, ObjectNode body, JsonNode manifest) {
    String now = Ids.now();
    ObjectNode gear = NODES.objectNode();
    gear.put("_id", id);
    String category = body.path("category").asText("converter");
    if (!CATEGORIES.contains(category)) {
      throw ApiError.badRequest(
          "category must be one of analysis, classifier, converter, qa, utility, not " + category);
    }
    gear.put("category", category);
    gear.set("gear", manifest);
    gear.put("disabled", false);
    gear.put("created", now);
    gear.put("modified", now);
    return gear;
  }

  private void refuseDuplicate(String name, String version) {
    boolean exists =
        store.list("gears").stream()
            .anyMatch(
                g ->
                    g.path("gear").path("name").asText().equals(name)
                        && g.path("gear").path("version").asText().equals(version));
    if (exists) {
      throw duplicate(name, version);
    }
  }

  /** The real API's words (api/jobs/gears.py), answered with 409 as the modern site does. */
  private static ApiError duplicate(String name, String version) {
    return ApiError.conflict(
        "Gear \""
            + name
            + "\" version \""
            + version
            + "\" already exists, consider changing the version string.");
  }

  /** The gear's name and version are its unique key: of two racing uploads one gets 409. */
  static String uniqueKey(ObjectNode gear) {
    return gear.path("gear").path("name").asText()
        + "\u0000"
        + gear.path("gear").path("version").asText();
  }

  private void insertGear(String id, ObjectNode gear, Blob archive) {
    try {
      store.write(
          tx -> {
            tx.insert("gears", id, gear);
            if (archive != null) {
              tx.putBlob(archive.id(), archive.content());
            }
            return null;
          });
    } catch (Store.DuplicateException e) {
      throw duplicate(
          gear.path("gear").path("name").asText(), gear.path("gear").path("version").asText());
    }
  }

  /** A POSIX tar starts with a 512-byte header whose magic is "ustar" at offset 257. */
  private static boolean isTar(byte[] content) {
    return content.length >= 512
        && new String(content, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * {@code POST /api/jobs/add}: the gear must exist; inputs must be the manifest's (file inputs as
   * {@code {type, id, name}} of a file the caller can read, required ones present); the config is
   * checked against the manifest's config with the runtime's own checks ({@link
   * ConfigDirective#check}), unknown keys refused and defaults filled in; the destination must be a
   * project the caller may write to.
   */
  private Reply addJob(Call call) {
    Body body =
        Body.of(call, "gear_id", "inputs", "destination", "config", "tags", "label", "priority");
    String gearId = Ids.objectId("gear_id", body.requiredText("gear_id"));
    ObjectNode gear =
        store
            .get("gears", gearId)
            .orElseThrow(() -> ApiError.badField("gear_id", "gear_id: no gear " + gearId));
    if (gear.path("disabled").asBoolean(false)) {
      throw ApiError.badField("gear_id", "gear_id: gear " + gearId + " is disabled");
    }
    JsonNode manifest = gear.path("gear");
    ObjectNode inputs =
        checkInputs(call, manifest, body.object("inputs").orElse(NODES.objectNode()));
    ObjectNode config = checkConfig(manifest, body.object("config").orElse(NODES.objectNode()));
    Body destination = Body.of(body.requiredObject("destination"), "destination", "type", "id");
    String type = destination.requiredText("type");
    if (!type.equals("project")) {
      throw ApiError.badField(
          "destination.type",
          "destination.type "
              + type
              + " is not supported here (this server has projects only; analyses are refused)");
    }
    String destinationId = Ids.objectId("destination.id", destination.requiredText("id"));
    List<String> tags = body.texts("tags").orElse(List.of());
    tags.forEach(Containers::checkTag);
    Optional<String> label = body.text("label", Body.MAX_LABEL);
    String priority = body.text("priority").orElse("medium");
    if (!PRIORITIES.contains(priority)) {
      throw ApiError.badField("priority", "priority must be one of " + PRIORITIES);
    }
    access.writableProject(call.caller(), destinationId);
    String id = Ids.objectId();
    String now = Ids.now();
    ObjectNode job = NODES.objectNode();
    job.put("_id", id);
    job.put("gear_id", gearId);
    ObjectNode info = job.putObject("gear_info");
    info.put("id", gearId);
    info.put("category", gear.path("category").asText());
    info.put("name", manifest.path("name").asText());
    info.put("version", manifest.path("version").asText());
    job.set("inputs", inputs);
    job.putObject("destination").put("type", type).put("id", destinationId);
    job.set("config", config);
    job.putArray("tags").addAll(tags.stream().map(NODES::textNode).toList());
    job.put("label", label.orElse(null));
    job.put("priority", priority);
    job.put("state", "pending");
    job.put("attempt", 1);
    job.putObject("origin").put("type", "user").put("id", call.caller().userId());
    job.put("created", now);
    job.put("modified", now);
    insert("jobs", id, job);
    return Reply.ok(Containers.insertedId(id));
  }

  private ObjectNode checkInputs(Call call, JsonNode manifest, ObjectNode given) {
    JsonNode declared = manifest.path("inputs");
    ObjectNode inputs = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> fields = given.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      String key = "inputs." + name;
      if (!declared.has(name)) {
        throw ApiError.badField(key, key + ": the gear has no input " + name);
      }
      if (!declared.path(name).path("base").asText().equals("file")) {
        throw ApiError.badField(
            key, key + ": input " + name + " is not a file input (Flywheel fills it)");
      }
      Body input = Body.of(field.getValue(), key, "type", "id", "name");
      String type = input.requiredText("type");
      if (!type.equals("project")) {
        throw ApiError.badField(
            key + ".type", key + ".type " + type + " is not supported here (projects only)");
      }
      String projectId = Ids.objectId(key + ".id", input.requiredText("id"));
      String fileName = FileNames.check(input.requiredText("name"));
      ObjectNode project = access.readableProject(call.caller(), projectId);
      boolean present = false;
      for (JsonNode file : project.path("files")) {
        present |= file.path("name").asText().equals(fileName);
      }
      if (!present) {
        throw ApiError.notFound("File " + fileName + " not found in project " + projectId);
      }
      inputs.putObject(name).put("type", type).put("id", projectId).put("name", fileName);
    }
    for (Iterator<Map.Entry<String, JsonNode>> specs = declared.fields(); specs.hasNext(); ) {
      Map.Entry<String, JsonNode> spec = specs.next();
      boolean file = spec.getValue().path("base").asText().equals("file");
      if (file
          && !spec.getValue().path("optional").asBoolean(false)
          && !inputs.has(spec.getKey())) {
        throw ApiError.badField(
            "inputs." + spec.getKey(),
            "inputs." + spec.getKey() + " is required (a file input of the gear)");
      }
    }
    return inputs;
  }

  /** The job's config: every key the manifest's, every value passing its directive; defaults in. */
  private static ObjectNode checkConfig(JsonNode manifest, ObjectNode given) {
    JsonNode declared = manifest.path("config");
    for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!declared.has(name)) {
        throw ApiError.badField(
            "config." + name,
            "config."
                + name
                + ": the gear has no config key "
                + name
                + (declared.isEmpty()
                    ? ""
                    : " (config: " + String.join(", ", keys(declared)) + ")"));
      }
    }
    ObjectNode config = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> fields = declared.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      ConfigDirective directive = new ConfigDirective(field.getKey(), field.getValue());
      JsonNode value = given.get(field.getKey());
      if (value == null) {
        Optional<JsonNode> fallback = directive.defaultValue();
        if (fallback.isPresent()) {
          config.set(field.getKey(), fallback.get().deepCopy());
        } else if (!directive.optional()) {
          throw ApiError.badField(
              "config." + field.getKey(),
              "config."
                  + field.getKey()
                  + " is required: the manifest gives it no default and does not mark it optional");
        }
        continue;
      }
      List<String> reasons = directive.check(value);
      if (!reasons.isEmpty()) {
        throw ApiError.badField(
            "config." + field.getKey(),
            "config." + field.getKey() + ": " + String.join("; ", reasons));
      }
      config.set(field.getKey(), value);
    }
    return config;
  }

  private static List<String> keys(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private ObjectNode job(String id) {
    return store.get("jobs", id).orElseThrow(() -> ApiError.notFound("Job " + id + " not found"));
  }

  private Reply modifyJob(Call call) {
    String id = call.param("jid");
    Body body = Body.of(call, "state", "failure_reason");
    String target = body.requiredText("state");
    if (!TRANSITIONS.containsKey(target)) {
      throw ApiError.badField("state", "state must be one of " + TRANSITIONS.keySet());
    }
    Optional<String> reason = body.text("failure_reason", Body.MAX_DESCRIPTION);
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
          reason.ifPresent(r -> job.put("failure_reason", r));
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
