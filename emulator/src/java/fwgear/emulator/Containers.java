package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** What groups and projects share: tags, permission lists, info updates, answers. */
final class Containers {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Containers() {}

  static ObjectNode insertedId(String id) {
    return NODES.objectNode().put("_id", id);
  }

  static ObjectNode modified(int count) {
    return NODES.objectNode().put("modified", count);
  }

  static ObjectNode deleted(int count) {
    return NODES.objectNode().put("deleted", count);
  }

  /** Applies a change and stamps {@code modified} and {@code revision}; 404 when gone meanwhile. */
  static ObjectNode change(Store store, String kind, String id, Consumer<ObjectNode> edit) {
    try {
      return store
          .update(
              kind,
              id,
              document -> {
                edit.accept(document);
                stamp(document);
                return document;
              })
          .orElseThrow(() -> ApiError.notFound(kind + " " + id + " not found"));
    } catch (Store.DuplicateException e) {
      throw ApiError.conflict("The change conflicts with an existing " + kind);
    }
  }

  /** Runs a unit of work in the store (all or nothing, durable); a broken unique key is 409. */
  static <T> T transact(Store store, Store.Work<T> work) {
    try {
      return store.write(work);
    } catch (Store.DuplicateException e) {
      throw ApiError.conflict("The change conflicts with an existing document");
    }
  }

  /** A private copy of a document inside a unit of work; 404 when it is gone. */
  static ObjectNode current(Store.Transaction tx, String kind, String id) {
    return tx.get(kind, id)
        .orElseThrow(() -> ApiError.notFound(kind + " " + id + " not found"))
        .deepCopy();
  }

  /** Stamps {@code modified} and {@code revision} on a changed document. */
  static void stamp(ObjectNode document) {
    document.put("modified", Ids.now());
    document.put("revision", document.path("revision").asInt(1) + 1);
  }

  /** A tag from a {@code {"value": tag}} body: 1 to 32 characters, no slash. */
  static String tagValue(Call call) {
    JsonNode value = call.objectBody().path("value");
    if (!value.isTextual()) {
      throw ApiError.badRequest("The body must be {\"value\": \"<tag>\"}");
    }
    String tag = value.textValue();
    if (tag.isEmpty() || tag.length() > 32 || tag.contains("/")) {
      throw ApiError.badRequest("A tag has 1 to 32 characters and no '/'");
    }
    return tag;
  }

  static void addTag(ObjectNode document, String tag) {
    ArrayNode tags = tags(document);
    for (JsonNode existing : tags) {
      if (existing.asText().equals(tag)) {
        throw ApiError.conflict("Tag " + tag + " already exists");
      }
    }
    tags.add(tag);
  }

  static void removeTag(ObjectNode document, String tag) {
    Iterator<JsonNode> tags = tags(document).elements();
    while (tags.hasNext()) {
      if (tags.next().asText().equals(tag)) {
        tags.remove();
        return;
      }
    }
    throw ApiError.notFound("Tag " + tag + " not found");
  }

  private static ArrayNode tags(ObjectNode document) {
    return document.has("tags") && document.get("tags").isArray()
        ? (ArrayNode) document.get("tags")
        : document.putArray("tags");
  }

  static Optional<ObjectNode> permission(JsonNode document, String userId) {
    for (JsonNode permission : document.path("permissions")) {
      if (permission.path("_id").asText().equals(userId)) {
        return Optional.of((ObjectNode) permission);
      }
    }
    return Optional.empty();
  }

  static ArrayNode permissions(ObjectNode document) {
    return document.has("permissions") && document.get("permissions").isArray()
        ? (ArrayNode) document.get("permissions")
        : document.putArray("permissions");
  }

  static void removePermission(ObjectNode document, String userId) {
    Iterator<JsonNode> permissions = permissions(document).elements();
    while (permissions.hasNext()) {
      if (permissions.next().path("_id").asText().equals(userId)) {
        permissions.remove();
        return;
      }
    }
    throw ApiError.notFound("No permission for user " + userId);
  }

  /**
   * Applies an info update, {@code {"set": {...}, "delete": [...]}} or {@code {"replace": {...}}},
   * to {@code info} of a document (or of a file entry).
   */
  static void updateInfo(ObjectNode target, JsonNode body) {
    boolean replace = body.has("replace");
    boolean setOrDelete = body.has("set") || body.has("delete");
    if (replace == setOrDelete) {
      throw ApiError.badRequest("An info update is either {set, delete} or {replace}");
    }
    ObjectNode info =
        target.path("info").isObject() ? (ObjectNode) target.get("info") : target.putObject("info");
    if (replace) {
      if (!body.get("replace").isObject()) {
        throw ApiError.badRequest("replace must be an object");
      }
      info.removeAll();
      body.get("replace")
          .fields()
          .forEachRemaining(e -> info.set(sanitise(e.getKey()), e.getValue()));
    }
    if (body.has("set")) {
      if (!body.get("set").isObject()) {
        throw ApiError.badRequest("set must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = body.get("set").fields();
          fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        info.set(sanitise(field.getKey()), field.getValue());
      }
    }
    if (body.has("delete")) {
      if (!body.get("delete").isArray()) {
        throw ApiError.badRequest("delete must be a list of keys");
      }
      body.get("delete").forEach(key -> info.remove(key.asText()));
    }
    target.put("info_exists", !info.isEmpty());
  }

  /** Info keys cannot hold '.' or '$' (they are path separators and operators server side). */
  private static String sanitise(String key) {
    return key.replace('.', '_').replace('$', '-');
  }

  static String requiredText(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw ApiError.badRequest(field + " is required and must be a non-empty string");
    }
    return value.textValue();
  }
}
