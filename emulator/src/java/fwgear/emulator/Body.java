package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object body read against the fields its endpoint accepts, as Flywheel's input schemas do:
 * a field the endpoint does not know, a value of the wrong type, or a value beyond the API's limits
 * is a 400 that names the field (in the message and in {@code key}). Nothing is coerced: a
 * description sent as an object is refused, not stored as {@code ""}.
 */
final class Body {
  /** Labels of groups, projects and roles: 1 to 1,024 characters, no control characters. */
  static final int MAX_LABEL = 1024;

  /** Descriptions: at most 64 KiB of text. */
  static final int MAX_DESCRIPTION = 65_536;

  private final ObjectNode node;
  private final String prefix;

  private Body(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  /** The request's body as a JSON object whose fields are all in {@code allowed}. */
  static Body of(Call call, String... allowed) {
    return of(call.objectBody(), "", allowed);
  }

  /** A nested object, named {@code prefix} (e.g. {@code destination}) in errors. */
  static Body of(JsonNode node, String prefix, String... allowed) {
    if (!node.isObject()) {
      throw prefix.isEmpty()
          ? ApiError.badRequest("The body must be a JSON object")
          : ApiError.badField(prefix, prefix + " must be an object, not " + kind(node));
    }
    Set<String> known = Set.of(allowed);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String field = prefix.isEmpty() ? name : prefix + "." + name;
        throw ApiError.badField(
            field,
            "Unknown field "
                + field
                + (allowed.length == 0 ? "" : " (allowed: " + String.join(", ", allowed) + ")"));
      }
    }
    return new Body((ObjectNode) node, prefix);
  }

  ObjectNode node() {
    return node;
  }

  boolean has(String field) {
    return node.has(field);
  }

  private String name(String field) {
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  private ApiError wrongType(String field, String expected) {
    return ApiError.badField(
        name(field), name(field) + " must be " + expected + ", not " + kind(node.get(field)));
  }

  Optional<String> text(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw wrongType(field, "a string");
    }
    return Optional.of(value.textValue());
  }

  /** A string of at most {@code max} characters. */
  Optional<String> text(String field, int max) {
    Optional<String> value = text(field);
    if (value.isPresent() && value.get().length() > max) {
      throw ApiError.badField(name(field), name(field) + " has more than " + max + " characters");
    }
    return value;
  }

  String requiredText(String field) {
    String value = text(field).orElseThrow(() -> missing(field, "a string"));
    if (value.isBlank()) {
      throw ApiError.badField(name(field), name(field) + " must not be empty");
    }
    return value;
  }

  /** A label: required, 1 to {@link #MAX_LABEL} characters, not blank, no control characters. */
  String label(String field) {
    return checkLabel(name(field), requiredText(field));
  }

  Optional<String> optionalLabel(String field) {
    return has(field) ? Optional.of(label(field)) : Optional.empty();
  }

  static String checkLabel(String key, String value) {
    if (value.isBlank()) {
      throw ApiError.badField(key, key + " must not be empty");
    }
    if (value.length() > MAX_LABEL) {
      throw ApiError.badField(key, key + " has more than " + MAX_LABEL + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw ApiError.badField(key, key + " cannot contain control characters");
      }
    }
    return value;
  }

  Optional<Boolean> bool(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw wrongType(field, "true or false");
    }
    return Optional.of(value.booleanValue());
  }

  Optional<ObjectNode> object(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw wrongType(field, "an object");
    }
    return Optional.of((ObjectNode) value);
  }

  ObjectNode requiredObject(String field) {
    return object(field).orElseThrow(() -> missing(field, "an object"));
  }

  Optional<ArrayNode> array(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      throw wrongType(field, "a list");
    }
    return Optional.of((ArrayNode) value);
  }

  /** A list of strings. */
  Optional<List<String>> texts(String field) {
    Optional<ArrayNode> array = array(field);
    if (array.isEmpty()) {
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < array.get().size(); i++) {
      JsonNode element = array.get().get(i);
      if (!element.isTextual()) {
        throw ApiError.badField(
            name(field), name(field) + "[" + i + "] must be a string, not " + kind(element));
      }
      texts.add(element.textValue());
    }
    return Optional.of(texts);
  }

  List<String> requiredTexts(String field) {
    return texts(field).orElseThrow(() -> missing(field, "a list of strings"));
  }

  private ApiError missing(String field, String expected) {
    return ApiError.badField(name(field), name(field) + " is required (" + expected + ")");
  }

  /** How a JSON value is named in messages: "an object", "a number"... */
  static String kind(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    return switch (value.getNodeType()) {
      case OBJECT, POJO -> "an object";
      case ARRAY -> "a list";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "binary data";
    };
  }
}
