package fwgear.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The draft-04 JSON Schema subset the gear spec uses for config directives and file-input
 * directives: checking that a directive is itself a well-formed schema, and checking a value
 * against it.
 *
 * <p>Every gear's config and every {@code ./gear validate} run goes through here, so the rules are
 * written once.
 */
public final class JsonSchemas {
  /** The seven type names of draft-04. */
  public static final Set<String> TYPES =
      Set.of("array", "boolean", "integer", "null", "number", "object", "string");

  private static final Set<String> NON_NEGATIVE_INTEGERS =
      Set.of("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties");
  private static final Set<String> NUMBERS = Set.of("minimum", "maximum");
  private static final Set<String> BOOLEANS =
      Set.of("exclusiveMinimum", "exclusiveMaximum", "uniqueItems");
  private static final Set<String> STRINGS = Set.of("title", "description", "id", "$schema");
  private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf");
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "definitions");
  private static final Set<String> BOOLEAN_OR_SCHEMA =
      Set.of("additionalItems", "additionalProperties");

  private JsonSchemas() {}

  /** One way a directive is not a valid draft-04 schema, at a keyword path below the directive. */
  public record SchemaIssue(List<String> path, String message) {}

  /**
   * What makes {@code schema} an invalid draft-04 schema (the meta-schema's rules); empty when it
   * is valid. Keywords draft-04 does not know (such as {@code optional}) are allowed, as in the
   * spec.
   */
  public static List<SchemaIssue> schemaIssues(JsonNode schema) {
    List<SchemaIssue> issues = new ArrayList<>();
    collectSchemaIssues(schema, List.of(), issues);
    return issues;
  }

  private static void collectSchemaIssues(JsonNode schema, List<String> at, List<SchemaIssue> out) {
    if (!schema.isObject()) {
      out.add(new SchemaIssue(at, "must be an object (a JSON schema), not " + describe(schema)));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String keyword = field.getKey();
      JsonNode value = field.getValue();
      List<String> here = append(at, keyword);
      if (keyword.equals("type")) {
        typeIssues(value, here, out);
      } else if (NON_NEGATIVE_INTEGERS.contains(keyword)) {
        if (!isInteger(value) || value.decimalValue().signum() < 0) {
          out.add(new SchemaIssue(here, "must be a non-negative integer, not " + describe(value)));
        }
      } else if (NUMBERS.contains(keyword)) {
        if (!value.isNumber()) {
          out.add(new SchemaIssue(here, "must be a number, not " + describe(value)));
        }
      } else if (keyword.equals("multipleOf")) {
        if (!value.isNumber() || value.decimalValue().signum() <= 0) {
          out.add(new SchemaIssue(here, "must be a number greater than 0"));
        }
      } else if (BOOLEANS.contains(keyword)) {
        if (!value.isBoolean()) {
          out.add(new SchemaIssue(here, "must be a boolean (draft-04), not " + describe(value)));
        }
      } else if (STRINGS.contains(keyword)) {
        if (!value.isTextual()) {
          out.add(new SchemaIssue(here, "must be a string, not " + describe(value)));
        }
      } else if (keyword.equals("pattern")) {
        patternIssue(value, here, out);
      } else if (keyword.equals("enum")) {
        if (!value.isArray() || value.isEmpty()) {
          out.add(new SchemaIssue(here, "must be a non-empty array"));
        } else if (!unique(value)) {
          out.add(new SchemaIssue(here, "must not repeat a value"));
        }
      } else if (keyword.equals("required")) {
        requiredIssues(value, here, out);
      } else if (keyword.equals("items")) {
        if (value.isArray()) {
          for (int i = 0; i < value.size(); i++) {
            collectSchemaIssues(value.get(i), append(here, Integer.toString(i)), out);
          }
        } else {
          collectSchemaIssues(value, here, out);
        }
      } else if (BOOLEAN_OR_SCHEMA.contains(keyword)) {
        if (!value.isBoolean()) {
          collectSchemaIssues(value, here, out);
        }
      } else if (SCHEMA_ARRAYS.contains(keyword)) {
        if (!value.isArray() || value.isEmpty()) {
          out.add(new SchemaIssue(here, "must be a non-empty array of schemas"));
        } else {
          for (int i = 0; i < value.size(); i++) {
            collectSchemaIssues(value.get(i), append(here, Integer.toString(i)), out);
          }
        }
      } else if (keyword.equals("not")) {
        collectSchemaIssues(value, here, out);
      } else if (SCHEMA_MAPS.contains(keyword)) {
        if (!value.isObject()) {
          out.add(new SchemaIssue(here, "must be an object of schemas"));
        } else {
          value
              .fields()
              .forEachRemaining(
                  e -> collectSchemaIssues(e.getValue(), append(here, e.getKey()), out));
        }
      } else if (keyword.equals("dependencies")) {
        if (!value.isObject()) {
          out.add(new SchemaIssue(here, "must be an object"));
        } else {
          value
              .fields()
              .forEachRemaining(
                  e -> {
                    if (e.getValue().isArray()) {
                      requiredIssues(e.getValue(), append(here, e.getKey()), out);
                    } else {
                      collectSchemaIssues(e.getValue(), append(here, e.getKey()), out);
                    }
                  });
        }
      }
      // default, format, optional and unknown keywords: any value, as in draft-04.
    }
  }

  private static void typeIssues(JsonNode value, List<String> at, List<SchemaIssue> out) {
    if (value.isTextual()) {
      if (!TYPES.contains(value.asText())) {
        out.add(
            new SchemaIssue(
                at, "unknown type \"" + value.asText() + "\"; use one of " + typeList()));
      }
    } else if (value.isArray() && !value.isEmpty()) {
      for (JsonNode type : value) {
        if (!type.isTextual() || !TYPES.contains(type.asText())) {
          out.add(new SchemaIssue(at, "unknown type " + type + "; use one of " + typeList()));
        }
      }
      if (!unique(value)) {
        out.add(new SchemaIssue(at, "must not repeat a type"));
      }
    } else {
      out.add(new SchemaIssue(at, "must be a type name or a non-empty array of type names"));
    }
  }

  private static void requiredIssues(JsonNode value, List<String> at, List<SchemaIssue> out) {
    boolean strings = value.isArray();
    if (strings) {
      for (JsonNode item : value) {
        strings &= item.isTextual();
      }
    }
    if (!strings || value.isEmpty() || !unique(value)) {
      out.add(new SchemaIssue(at, "must be a non-empty array of distinct strings"));
    }
  }

  private static void patternIssue(JsonNode value, List<String> at, List<SchemaIssue> out) {
    if (!value.isTextual()) {
      out.add(new SchemaIssue(at, "must be a string (a regular expression)"));
      return;
    }
    try {
      Pattern.compile(value.asText());
    } catch (PatternSyntaxException e) {
      out.add(new SchemaIssue(at, "is not a valid regular expression: " + e.getDescription()));
    }
  }

  /**
   * Why {@code value} does not satisfy {@code schema}, one reason per broken keyword (nested
   * reasons name the item or property); empty when it does. The schema is assumed well formed.
   */
  public static List<String> violations(JsonNode schema, JsonNode value) {
    List<String> reasons = new ArrayList<>();
    collectViolations(schema, value, "", reasons);
    return reasons;
  }

  private static void collectViolations(
      JsonNode schema, JsonNode value, String where, List<String> out) {
    if (!schema.isObject()) {
      return;
    }
    String prefix = where.isEmpty() ? "" : where + ": ";
    JsonNode type = schema.get("type");
    if (type != null && !matchesType(type, value)) {
      out.add(prefix + "expected " + typeText(type) + " but got " + describe(value));
      return; // the other keywords would only repeat the type mismatch
    }
    JsonNode allowed = schema.get("enum");
    if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
      out.add(prefix + value + " is not one of " + allowed);
    }
    if (value.isNumber()) {
      numberViolations(schema, value, prefix, out);
    }
    if (value.isTextual()) {
      stringViolations(schema, value.asText(), prefix, out);
    }
    if (value.isArray()) {
      arrayViolations(schema, value, where, out);
    }
    if (value.isObject()) {
      objectViolations(schema, value, where, out);
    }
    combinatorViolations(schema, value, where, out);
  }

  private static void numberViolations(
      JsonNode schema, JsonNode value, String prefix, List<String> out) {
    BigDecimal number = value.decimalValue();
    JsonNode minimum = schema.get("minimum");
    if (minimum != null && minimum.isNumber()) {
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      int cmp = number.compareTo(minimum.decimalValue());
      if (cmp < 0 || (exclusive && cmp == 0)) {
        out.add(
            prefix
                + value
                + " is less than "
                + (exclusive ? "or equal to " : "")
                + "the minimum of "
                + minimum);
      }
    }
    JsonNode maximum = schema.get("maximum");
    if (maximum != null && maximum.isNumber()) {
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
      int cmp = number.compareTo(maximum.decimalValue());
      if (cmp > 0 || (exclusive && cmp == 0)) {
        out.add(
            prefix
                + value
                + " is greater than "
                + (exclusive ? "or equal to " : "")
                + "the maximum of "
                + maximum);
      }
    }
    JsonNode multipleOf = schema.get("multipleOf");
    if (multipleOf != null && multipleOf.isNumber() && multipleOf.decimalValue().signum() > 0) {
      if (number.remainder(multipleOf.decimalValue()).signum() != 0) {
        out.add(prefix + value + " is not a multiple of " + multipleOf);
      }
    }
  }

  private static void stringViolations(
      JsonNode schema, String text, String prefix, List<String> out) {
    int length = text.codePointCount(0, text.length());
    JsonNode minLength = schema.get("minLength");
    if (minLength != null && minLength.canConvertToInt() && length < minLength.asInt()) {
      out.add(prefix + "is shorter than " + minLength.asInt() + " characters (" + length + ")");
    }
    JsonNode maxLength = schema.get("maxLength");
    if (maxLength != null && maxLength.canConvertToInt() && length > maxLength.asInt()) {
      out.add(prefix + "is longer than " + maxLength.asInt() + " characters (" + length + ")");
    }
    JsonNode pattern = schema.get("pattern");
    if (pattern != null && pattern.isTextual()) {
      try {
        // JSON Schema patterns are not anchored: a match anywhere counts.
        if (!Pattern.compile(pattern.asText()).matcher(text).find()) {
          out.add(prefix + "\"" + text + "\" does not match the pattern " + pattern.asText());
        }
      } catch (PatternSyntaxException e) {
        out.add(prefix + "the directive's pattern is not a valid regular expression");
      }
    }
  }

  private static void arrayViolations(
      JsonNode schema, JsonNode value, String where, List<String> out) {
    String prefix = where.isEmpty() ? "" : where + ": ";
    JsonNode minItems = schema.get("minItems");
    if (minItems != null && minItems.canConvertToInt() && value.size() < minItems.asInt()) {
      out.add(prefix + "has fewer than " + minItems.asInt() + " items (" + value.size() + ")");
    }
    JsonNode maxItems = schema.get("maxItems");
    if (maxItems != null && maxItems.canConvertToInt() && value.size() > maxItems.asInt()) {
      out.add(prefix + "has more than " + maxItems.asInt() + " items (" + value.size() + ")");
    }
    if (schema.path("uniqueItems").asBoolean(false) && !unique(value)) {
      out.add(prefix + "has repeated items");
    }
    JsonNode items = schema.get("items");
    if (items == null) {
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      String itemWhere = (where.isEmpty() ? "item " : where + " item ") + i;
      if (items.isObject()) {
        collectViolations(items, value.get(i), itemWhere, out);
      } else if (items.isArray() && i < items.size()) {
        collectViolations(items.get(i), value.get(i), itemWhere, out);
      } else if (items.isArray()
          && schema.path("additionalItems").isBoolean()
          && !schema.get("additionalItems").asBoolean()) {
        out.add(prefix + "has more than " + items.size() + " items");
        return;
      } else if (items.isArray() && schema.path("additionalItems").isObject()) {
        collectViolations(schema.get("additionalItems"), value.get(i), itemWhere, out);
      }
    }
  }

  private static void objectViolations(
      JsonNode schema, JsonNode value, String where, List<String> out) {
    String prefix = where.isEmpty() ? "" : where + ": ";
    JsonNode required = schema.get("required");
    if (required != null && required.isArray()) {
      for (JsonNode name : required) {
        if (!value.has(name.asText())) {
          out.add(prefix + "\"" + name.asText() + "\" is required");
        }
      }
    }
    JsonNode properties = schema.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldWhere = where.isEmpty() ? field.getKey() : where + "." + field.getKey();
      JsonNode propertySchema = properties.get(field.getKey());
      if (propertySchema != null) {
        collectViolations(propertySchema, field.getValue(), fieldWhere, out);
      } else if (schema.path("additionalProperties").isBoolean()
          && !schema.get("additionalProperties").asBoolean()) {
        out.add(prefix + "\"" + field.getKey() + "\" is not allowed");
      } else if (schema.path("additionalProperties").isObject()) {
        collectViolations(schema.get("additionalProperties"), field.getValue(), fieldWhere, out);
      }
    }
  }

  private static void combinatorViolations(
      JsonNode schema, JsonNode value, String where, List<String> out) {
    String prefix = where.isEmpty() ? "" : where + ": ";
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray()) {
      allOf.forEach(s -> collectViolations(s, value, where, out));
    }
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null && anyOf.isArray() && count(anyOf, value) == 0) {
      out.add(prefix + "matches none of the allowed forms (anyOf)");
    }
    JsonNode oneOf = schema.get("oneOf");
    if (oneOf != null && oneOf.isArray() && count(oneOf, value) != 1) {
      out.add(prefix + "must match exactly one of the allowed forms (oneOf)");
    }
    JsonNode not = schema.get("not");
    if (not != null && not.isObject() && violations(not, value).isEmpty()) {
      out.add(prefix + "matches a form that is not allowed (not)");
    }
  }

  private static int count(JsonNode schemas, JsonNode value) {
    int matches = 0;
    for (JsonNode schema : schemas) {
      if (violations(schema, value).isEmpty()) {
        matches++;
      }
    }
    return matches;
  }

  /** Whether a value has a draft-04 type; {@code integer} means a number without a fraction. */
  public static boolean hasType(String type, JsonNode value) {
    return switch (type) {
      case "array" -> value.isArray();
      case "boolean" -> value.isBoolean();
      case "integer" -> isInteger(value);
      case "null" -> value.isNull();
      case "number" -> value.isNumber();
      case "object" -> value.isObject();
      case "string" -> value.isTextual();
      default -> false;
    };
  }

  private static boolean matchesType(JsonNode type, JsonNode value) {
    if (type.isTextual()) {
      return hasType(type.asText(), value);
    }
    if (type.isArray()) {
      for (JsonNode one : type) {
        if (hasType(one.asText(), value)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  private static boolean isInteger(JsonNode value) {
    return value.isIntegralNumber();
  }

  private static String typeText(JsonNode type) {
    if (type.isTextual()) {
      return article(type.asText());
    }
    List<String> names = new ArrayList<>();
    type.forEach(t -> names.add(t.asText()));
    return "one of " + names;
  }

  private static String article(String type) {
    return switch (type) {
      case "array", "integer", "object" -> "an " + type;
      case "null" -> "null";
      default -> "a " + type;
    };
  }

  /** A short description of a JSON value for messages: its type and, for scalars, the value. */
  public static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isTextual()) {
      return "the string " + value;
    }
    if (value.isIntegralNumber()) {
      return "the integer " + value;
    }
    if (value.isNumber()) {
      return "the number " + value;
    }
    if (value.isBoolean()) {
      return "the boolean " + value;
    }
    if (value.isNull()) {
      return "null";
    }
    return value.isArray() ? "an array" : "an object";
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode item : array) {
      if (jsonEquals(item, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean unique(JsonNode array) {
    Set<String> seen = new HashSet<>();
    for (JsonNode item : array) {
      if (!seen.add(canonical(item))) {
        return false;
      }
    }
    return true;
  }

  /** JSON equality where 1 and 1.0 are the same number, as in JSON Schema. */
  private static boolean jsonEquals(JsonNode a, JsonNode b) {
    return canonical(a).equals(canonical(b));
  }

  private static String canonical(JsonNode node) {
    if (node.isNumber()) {
      BigDecimal number = node.decimalValue().stripTrailingZeros();
      return "n:" + number.toPlainString();
    }
    if (node.isObject()) {
      StringBuilder text = new StringBuilder("{");
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String name : names) {
        text.append(name).append('=').append(canonical(node.get(name))).append(',');
      }
      return text.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder text = new StringBuilder("[");
      node.forEach(item -> text.append(canonical(item)).append(','));
      return text.append(']').toString();
    }
    return node.getNodeType() + ":" + node.asText();
  }

  private static String typeList() {
    return "string, integer, number, boolean, array, object, null";
  }

  private static List<String> append(List<String> path, String segment) {
    List<String> longer = new ArrayList<>(path);
    longer.add(segment);
    return List.copyOf(longer);
  }
}
