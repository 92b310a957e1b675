package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
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
    return checkTag(
        Body.of(call, "value")
            .text("value")
            .orElseThrow(
                () -> ApiError.badField("value", "value is required (the tag, a string)")));
  }

  /** A tag: 1 to 32 characters, no '/' and no control characters; else 400. */
  static String checkTag(String tag) {
    if (tag.isEmpty() || tag.length() > 32 || tag.contains("/")) {
      throw ApiError.badField("value", "value: a tag has 1 to 32 characters and no '/'");
    }
    for (int i = 0; i < tag.length(); i++) {
      if (tag.charAt(i) < 0x20 || tag.charAt(i) == 0x7f) {
        throw ApiError.badField("value", "value: a tag cannot contain control characters");
      }
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
  /** A checked info update: apply it to a document (or a file entry) inside a unit of work. */
  record InfoUpdate(
      Optional<ObjectNode> replace, Optional<ObjectNode> set, Optional<List<String>> delete) {
    void applyTo(ObjectNode target) {
      ObjectNode info =
          target.path("info").isObject()
              ? (ObjectNode) target.get("info")
              : target.putObject("info");
      replace.ifPresent(
          values -> {
            info.removeAll();
            values.fields().forEachRemaining(e -> info.set(sanitise(e.getKey()), e.getValue()));
          });
      set.ifPresent(
          values ->
              values.fields().forEachRemaining(e -> info.set(sanitise(e.getKey()), e.getValue())));
      delete.ifPresent(keys -> keys.forEach(info::remove));
      target.put("info_exists", !info.isEmpty());
    }
  }

  /** {@code {"set": {...}, "delete": [...]}} or {@code {"replace": {...}}}; else 400. */
  static InfoUpdate infoUpdate(Call call) {
    Body body = Body.of(call, "set", "delete", "replace");
    boolean replace = body.has("replace");
    boolean setOrDelete = body.has("set") || body.has("delete");
    if (replace == setOrDelete) {
      throw ApiError.badRequest("An info update is either {set, delete} or {replace}");
    }
    return new InfoUpdate(body.object("replace"), body.object("set"), body.texts("delete"));
  }

  /** Info keys cannot hold '.' or '$' (they are path separators and operators server side). */
  private static String sanitise(String key) {
    return key.replace('.', '_').replace('$', '-');
  }

  /** A required non-blank string field of a JSON object; else 400 naming the field. */
  static String requiredText(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw ApiError.badField(field, field + " is required and must be a non-empty string");
    }
    return value.textValue();
  }
}
