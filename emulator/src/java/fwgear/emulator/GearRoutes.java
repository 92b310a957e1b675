package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  private final Store store;
  private final Access access;

  GearRoutes(Store store, Access access) {
    this.store = store;
    this.access = access;
  }

  void register(Router router) {
    router
        .add("GET", "/api/gears", this::listGears)
        // Before /api/gears/{name}, which would take "temp" for a name.
        .add("POST", UPLOAD_PATH, this::uploadGear)
        .add("GET", UPLOAD_PATH + "/{id}", this::downloadGear)
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
      throw ApiError.badRequest("Name key must be present and match URL");
    }
    refuseDuplicate(name, version);
    String id = Ids.objectId();
    ObjectNode gear = document(id, body, manifest);
    if (body.path("exchange").isObject()) {
      gear.set("exchange", body.get("exchange"));
    }
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
    ObjectNode gear = gear(call.param("id"));
    String blobId = gear.path("exchange").path("rootfs-id").asText();
    byte[] archive =
        store
            .getBlob(blobId)
            .orElseThrow(() -> ApiError.notFound("Gear " + call.param("id") + " has no archive"));
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
