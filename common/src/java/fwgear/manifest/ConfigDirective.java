package fwgear.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the manifest's {@code config}: a draft-04 schema for the value of one config key,
 * plus the gear spec's {@code optional} flag and {@code default}.
 *
 * @param name the config key
 * @param schema the directive as written in the manifest
 */
public record ConfigDirective(String name, JsonNode schema) {
  /** Made on first use: reading typed values is for tools, not for a gear's start. */
  private static final class Json {
    static final ObjectMapper JSON =
        JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The declared type ({@code string}, {@code integer}...), or empty when none or several. */
  public Optional<String> type() {
    JsonNode type = schema.get("type");
    return type != null && type.isTextual() ? Optional.of(type.asText()) : Optional.empty();
  }

  /** The declared types in order: one, several (a type array), or none. */
  public List<String> types() {
    JsonNode type = schema.get("type");
    List<String> types = new ArrayList<>();
    if (type != null && type.isTextual()) {
      types.add(type.asText());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    }
    return types;
  }

  /** {@code optional: true}: config.json may leave the key out. */
  public boolean optional() {
    return schema.path("optional").asBoolean(false);
  }

  public Optional<JsonNode> defaultValue() {
    return Optional.ofNullable(schema.get("default"));
  }

  public Optional<String> description() {
    JsonNode description = schema.get("description");
    return description != null && description.isTextual()
        ? Optional.of(description.asText())
        : Optional.empty();
  }

  /** Why {@code value} is not acceptable for this key; empty when it is. */
  public List<String> check(JsonNode value) {
    return JsonSchemas.violations(schema, value);
  }

  /** {@link #check} with where in the value each problem is (an item, a property). */
  public List<JsonSchemas.Violation> violations(JsonNode value) {
    return JsonSchemas.check(schema, value);
  }

  /**
   * Converts command-line text to a value of the declared type: {@code integer}, {@code number} and
   * {@code boolean} are parsed, {@code string} is taken as is, {@code array} and {@code object} are
   * JSON; with several types the first that parses wins; without a type, JSON if it parses, else
   * the text. The result is not checked against the other keywords: call {@link #check} for that.
   *
   * @throws IllegalArgumentException naming the expected type, when the text does not parse
   */
  public JsonNode parse(String text) {
    List<String> types = types();
    if (types.isEmpty()) {
      Optional<JsonNode> json = parseJson(text);
      return json.orElse(NODES.textNode(text));
    }
    for (String type : types) {
      Optional<JsonNode> value = parseAs(type, text);
      if (value.isPresent()) {
        return value.get();
      }
    }
    throw new IllegalArgumentException(
        "\""
            + text
            + "\" is not "
            + (types.size() == 1 ? expected(types.get(0)) : "any of " + types)
            + " as config \""
            + name
            + "\" declares");
  }

  private static Optional<JsonNode> parseAs(String type, String text) {
    String trimmed = text.strip();
    switch (type) {
      case "string":
        return Optional.of(NODES.textNode(text));
      case "integer":
        try {
          return Optional.of(NODES.numberNode(new BigInteger(trimmed)))
              .map(ConfigDirective::narrow);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      case "number":
        try {
          BigDecimal number = new BigDecimal(trimmed);
          if (!trimmed.contains(".") && !trimmed.toLowerCase().contains("e")) {
            return Optional.of(narrow(NODES.numberNode(number.toBigIntegerExact())));
          }
          return Optional.of(NODES.numberNode(number.doubleValue()));
        } catch (NumberFormatException | ArithmeticException e) {
          return Optional.empty();
        }
      case "boolean":
        if (trimmed.equalsIgnoreCase("true")) {
          return Optional.of(NODES.booleanNode(true));
        }
        if (trimmed.equalsIgnoreCase("false")) {
          return Optional.of(NODES.booleanNode(false));
        }
        return Optional.empty();
      case "null":
        return trimmed.equals("null") ? Optional.of(NODES.nullNode()) : Optional.empty();
      case "array":
        return parseJson(trimmed).filter(JsonNode::isArray);
      case "object":
        return parseJson(trimmed).filter(JsonNode::isObject);
      default:
        return Optional.empty();
    }
  }

  /** Small integers as int or long nodes, so that bound records get ordinary Java numbers. */
  private static JsonNode narrow(JsonNode number) {
    BigInteger value = number.bigIntegerValue();
    if (value.bitLength() < 32) {
      return NODES.numberNode(value.intValue());
    }
    if (value.bitLength() < 64) {
      return NODES.numberNode(value.longValue());
    }
    return number;
  }

  private static Optional<JsonNode> parseJson(String text) {
    try {
      JsonNode node = Json.JSON.readTree(text);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String expected(String type) {
    return switch (type) {
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "a boolean (true or false)";
      case "array" -> "a JSON array";
      case "object" -> "a JSON object";
      default -> "a " + type;
    };
  }
}
