package fwgear.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gear spec's JSON Schema (draft-04) for config directives and file-input directives, on the
 * networknt json-schema-validator: a directive is checked against the draft-04 meta-schema, a value
 * against its directive, with ECMA-262 regular expressions (joni) as JSON Schema prescribes. This
 * class only adapts the library: it words the library's findings the project's way and names where
 * they are. Every gear's config and every {@code ./gear validate} run goes through here.
 */
public final class JsonSchemas {
  /** The seven type names of draft-04. */
  public static final Set<String> TYPES =
      Set.of("array", "boolean", "integer", "null", "number", "object", "string");

  /**
   * The library's set-up, made on first use: a gear whose directives all take the light path
   * ({@link SimpleSchemas}) never pays for it at its start.
   */
  private static final class Library {
    /** The gear spec's own keyword in a directive: an annotation, as are unknown keywords. */
    static final Dialect DIALECT =
        Dialect.builder(Dialects.getDraft4()).keyword(new AnnotationKeyword("optional")).build();

    static final SchemaRegistry REGISTRY =
        SchemaRegistry.withDefaultDialect(
            DIALECT,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder()
                        .regularExpressionFactory(JoniRegularExpressionFactory.getInstance())
                        .pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true)
                        .build()));
  }

  private static volatile Schema metaSchema;
  private static final Map<JsonNode, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private JsonSchemas() {}

  /** One way a directive is not a valid draft-04 schema, at a keyword path below the directive. */
  public record SchemaIssue(List<String> path, String message) {}

  /** One way a value breaks its schema, at a path below the value (empty: the value itself). */
  public record Violation(List<String> path, String message) {
    /** {@code path: message}, the path dotted; the message alone for the value itself. */
    public String text() {
      return path.isEmpty() ? message : String.join(".", path) + ": " + message;
    }
  }

  /**
   * What makes {@code schema} an invalid draft-04 schema (the meta-schema's rules, including that
   * {@code exclusiveMinimum} needs {@code minimum}, and that a pattern is an ECMA-262 regular
   * expression); empty when it is valid. Keywords draft-04 does not know (such as {@code optional})
   * are allowed, as in the spec.
   */
  public static List<SchemaIssue> schemaIssues(JsonNode schema) {
    if (SimpleSchemas.isSimple(schema)) {
      return List.of(); // the common directives, without the library's set-up (SimpleSchemas)
    }
    return libraryIssues(schema);
  }

  /** {@link #schemaIssues} from the library alone (tests compare the light path with it). */
  static List<SchemaIssue> libraryIssues(JsonNode schema) {
    List<SchemaIssue> issues = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Error> errors = sorted(meta().validate(schema));
    // The library reports a failed anyOf by the failures of its branches: of those, only the most
    // specific (deepest in the directive) are worth showing, as the directive's author meant the
    // branch that got furthest.
    Map<String, Integer> deepest = new java.util.HashMap<>();
    for (Error error : errors) {
      anyOfGroup(error).ifPresent(group -> deepest.merge(group, depth(error), Math::max));
    }
    for (Error error : errors) {
      java.util.Optional<String> group = anyOfGroup(error);
      if (group.isPresent() && depth(error) < deepest.get(group.get())) {
        continue;
      }
      List<String> path = segments(error.getInstanceLocation());
      String message = metaMessage(error, path);
      if (seen.add(path + message)) {
        issues.add(new SchemaIssue(path, message));
      }
    }
    if (issues.isEmpty()) {
      // $ref must point inside the directive: a directive cannot load other documents.
      refIssues(schema, new ArrayList<>(), issues);
      patternIssues(schema, new ArrayList<>(), issues);
    }
    return issues;
  }

  /**
   * Why {@code value} does not satisfy {@code schema}, one reason per broken keyword, each naming
   * the item or property below the value; empty when it does. The schema must be well formed
   * ({@link #schemaIssues} empty).
   */
  public static List<Violation> check(JsonNode schema, JsonNode value) {
    if (SimpleSchemas.isSimple(schema) && SimpleSchemas.satisfies(schema, value)) {
      return List.of(); // a common directive, satisfied: the library words what is not
    }
    return libraryCheck(schema, value);
  }

  /** {@link #check} from the library alone (tests compare the light path with it). */
  static List<Violation> libraryCheck(JsonNode schema, JsonNode value) {
    List<Violation> violations = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    // The library reports an anyOf by the failures of its branches: those become one violation.
    Map<String, List<String>> anyOf = new java.util.LinkedHashMap<>();
    Map<String, List<String>> anyOfPaths = new java.util.HashMap<>();
    for (Error error : sorted(compile(schema).validate(value))) {
      List<String> path = segments(error.getInstanceLocation());
      String message = valueMessage(error, schema);
      String evaluation = error.getEvaluationPath().toString();
      int branch = evaluation.indexOf("/anyOf/");
      if (branch >= 0) {
        String key = evaluation.substring(0, branch) + "@" + path;
        anyOf.computeIfAbsent(key, k -> new ArrayList<>()).add(new Violation(path, message).text());
        anyOfPaths.putIfAbsent(key, path);
      } else if (seen.add(path + message)) {
        violations.add(new Violation(path, message));
      }
    }
    anyOf.forEach(
        (key, reasons) ->
            violations.add(
                new Violation(
                    anyOfPaths.get(key),
                    "matches none of the allowed forms (anyOf: "
                        + String.join("; ", new LinkedHashSet<>(reasons))
                        + ")")));
    return violations;
  }

  /** {@link #check} as text: {@code path: message} or the message alone for the value itself. */
  public static List<String> violations(JsonNode schema, JsonNode value) {
    return check(schema, value).stream().map(Violation::text).toList();
  }

  private static Schema meta() {
    Schema schema = metaSchema;
    if (schema == null) {
      schema = Library.REGISTRY.getSchema(SchemaLocation.of(Dialects.getDraft4().getId()));
      metaSchema = schema;
    }
    return schema;
  }

  private static Schema compile(JsonNode schema) {
    try {
      return SCHEMAS.computeIfAbsent(schema, node -> Library.REGISTRY.getSchema(node.deepCopy()));
    } catch (SchemaException e) {
      throw new IllegalArgumentException("not a usable schema: " + e.getMessage(), e);
    }
  }

  /** The outermost anyOf an error comes from, with the instance it applies to; empty if none. */
  private static java.util.Optional<String> anyOfGroup(Error error) {
    String evaluation = error.getEvaluationPath().toString();
    int branch = evaluation.indexOf("/anyOf/");
    if (branch < 0) {
      return java.util.Optional.empty();
    }
    String prefix = evaluation.substring(0, branch);
    // The instance the anyOf applies to: as deep as the evaluation path's properties before it.
    return java.util.Optional.of(prefix);
  }

  private static int depth(Error error) {
    return error.getInstanceLocation().getNameCount();
  }

  private static List<Error> sorted(List<Error> errors) {
    List<Error> copy = new ArrayList<>(errors);
    copy.sort(Comparator.comparing((Error e) -> e.getInstanceLocation().toString()));
    return copy;
  }

  private static List<String> segments(NodePath path) {
    List<String> segments = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      segments.add(path.getName(i));
    }
    return segments;
  }

  // ---- wording: the meta-schema's findings about a directive

  private static String metaMessage(Error error, List<String> path) {
    String keyword = error.getKeyword();
    String at = path.isEmpty() ? "" : path.get(path.size() - 1);
    JsonNode node = error.getInstanceNode();
    String parent = path.size() > 1 ? path.get(path.size() - 2) : "";
    if (parent.equals("dependencies")) {
      return "must be a schema or a non-empty array of distinct property names";
    }
    return switch (keyword) {
      case "dependencies" ->
          node != null && node.has("exclusiveMinimum") && !node.has("minimum")
              ? "\"exclusiveMinimum\" needs \"minimum\" (draft-04)"
              : node != null && node.has("exclusiveMaximum") && !node.has("maximum")
                  ? "\"exclusiveMaximum\" needs \"maximum\" (draft-04)"
                  : "a keyword needs another one: " + error.getMessage();
      case "format" -> "is not a valid ECMA-262 regular expression";
      case "anyOf", "enum", "type", "minItems", "uniqueItems", "minimum", "exclusiveMinimum" ->
          switch (at) {
            case "type" ->
                node != null && node.isTextual()
                    ? "unknown type \"" + node.asText() + "\"; use one of " + typeList()
                    : "must be a type name or a non-empty array of distinct type names ("
                        + typeList()
                        + ")";
            case "items" -> "must be a schema or a non-empty array of schemas";
            case "additionalItems", "additionalProperties" -> "must be true, false or a schema";
            case "allOf", "anyOf", "oneOf" -> "must be a non-empty array of schemas";
            case "enum" -> "must be a non-empty array without repeated values";
            case "required" -> "must be a non-empty array of distinct strings";
            case "multipleOf" -> "must be a number greater than 0";
            case "minLength",
                "maxLength",
                "minItems",
                "maxItems",
                "minProperties",
                "maxProperties" ->
                "must be a non-negative integer, not " + describe(node);
            default ->
                parent.equals("type")
                    ? "unknown type " + node + "; use one of " + typeList()
                    : metaType(error, node);
          };
      default -> metaType(error, node);
    };
  }

  private static String metaType(Error error, JsonNode node) {
    if (error.getKeyword().equals("type")) {
      JsonNode expected = error.getSchemaNode();
      String what = expected != null && expected.isTextual() ? expected.asText() : "";
      return switch (what) {
        case "object" -> "must be an object (a JSON schema), not " + describe(node);
        case "boolean" -> "must be a boolean (draft-04), not " + describe(node);
        case "integer" -> "must be a non-negative integer, not " + describe(node);
        case "" -> "has the wrong type: " + error.getMessage();
        default -> "must be " + article(what) + ", not " + describe(node);
      };
    }
    return error.getMessage();
  }

  private static void refIssues(JsonNode schema, List<String> at, List<SchemaIssue> out) {
    if (schema.isObject()) {
      schema
          .fields()
          .forEachRemaining(
              e -> {
                List<String> here = new ArrayList<>(at);
                here.add(e.getKey());
                if (e.getKey().equals("$ref")
                    && !(e.getValue().isTextual() && e.getValue().asText().startsWith("#"))) {
                  out.add(
                      new SchemaIssue(
                          List.copyOf(here),
                          "must point inside the directive (\"#/...\"), not " + e.getValue()));
                } else if (!e.getKey().equals("enum")
                    && !e.getKey().equals("default")
                    && e.getValue().isContainerNode()) {
                  refIssues(e.getValue(), here, out);
                }
              });
    } else if (schema.isArray()) {
      for (int i = 0; i < schema.size(); i++) {
        List<String> here = new ArrayList<>(at);
        here.add(Integer.toString(i));
        refIssues(schema.get(i), here, out);
      }
    }
  }

  /**
   * ECMA-262 has no inline flag groups such as {@code (?i)} (joni's ECMAScript syntax accepts
   * them): a group opened with {@code (?} must go on with {@code :}, {@code =}, {@code !} or {@code
   * <}.
   */
  private static void patternIssues(JsonNode schema, List<String> at, List<SchemaIssue> out) {
    if (schema.isObject()) {
      schema
          .fields()
          .forEachRemaining(
              e -> {
                List<String> here = new ArrayList<>(at);
                here.add(e.getKey());
                if (e.getKey().equals("pattern") && e.getValue().isTextual()) {
                  if (hasInlineFlags(e.getValue().asText())) {
                    out.add(
                        new SchemaIssue(
                            List.copyOf(here),
                            "is not a valid ECMA-262 regular expression (no inline flags such as"
                                + " (?i))"));
                  }
                } else if (e.getKey().equals("patternProperties") && e.getValue().isObject()) {
                  e.getValue()
                      .fields()
                      .forEachRemaining(
                          p -> {
                            List<String> name = new ArrayList<>(here);
                            name.add(p.getKey());
                            if (hasInlineFlags(p.getKey())) {
                              out.add(
                                  new SchemaIssue(
                                      List.copyOf(name),
                                      "the property pattern is not a valid ECMA-262 regular"
                                          + " expression (no inline flags such as (?i))"));
                            }
                            patternIssues(p.getValue(), name, out);
                          });
                } else if (!e.getKey().equals("enum")
                    && !e.getKey().equals("default")
                    && e.getValue().isContainerNode()) {
                  patternIssues(e.getValue(), here, out);
                }
              });
    } else if (schema.isArray()) {
      for (int i = 0; i < schema.size(); i++) {
        List<String> here = new ArrayList<>(at);
        here.add(Integer.toString(i));
        patternIssues(schema.get(i), here, out);
      }
    }
  }

  static boolean hasInlineFlags(String pattern) {
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(' && i + 2 < pattern.length() && pattern.charAt(i + 1) == '?') {
        char next = pattern.charAt(i + 2);
        if (next != ':' && next != '=' && next != '!' && next != '<') {
          return true;
        }
      }
    }
    return false;
  }

  // ---- wording: a value's violations of its directive

  private static String valueMessage(Error error, JsonNode root) {
    JsonNode value = error.getInstanceNode();
    JsonNode keywordValue = error.getSchemaNode();
    JsonNode schema = parentSchema(error, root);
    Object[] args = error.getArguments();
    String arg0 = args != null && args.length > 0 ? String.valueOf(args[0]) : "";
    return switch (error.getKeyword()) {
      case "type" -> "expected " + typeText(keywordValue) + " but got " + describe(value);
      case "enum" -> value + " is not one of " + keywordValue;
      case "minimum" ->
          value
              + " is less than "
              + (schema.path("exclusiveMinimum").asBoolean(false) ? "or equal to " : "")
              + "the minimum of "
              + keywordValue;
      case "maximum" ->
          value
              + " is greater than "
              + (schema.path("exclusiveMaximum").asBoolean(false) ? "or equal to " : "")
              + "the maximum of "
              + keywordValue;
      case "multipleOf" -> value + " is not a multiple of " + keywordValue;
      case "minLength" -> "is shorter than " + keywordValue + " characters (" + length(value) + ")";
      case "maxLength" -> "is longer than " + keywordValue + " characters (" + length(value) + ")";
      case "pattern" -> value + " does not match the pattern " + keywordValue.asText();
      case "minItems" -> "has fewer than " + keywordValue + " items (" + value.size() + ")";
      case "maxItems" -> "has more than " + keywordValue + " items (" + value.size() + ")";
      case "uniqueItems" -> "has repeated items";
      case "minProperties" ->
          "has fewer than " + keywordValue + " properties (" + value.size() + ")";
      case "maxProperties" ->
          "has more than " + keywordValue + " properties (" + value.size() + ")";
      case "required" -> "\"" + arg0 + "\" is required";
      case "additionalProperties" -> "\"" + arg0 + "\" is not allowed";
      case "additionalItems", "items" -> "has more items than the directive allows";
      case "dependencies" -> dependencyMessage(keywordValue, value);
      case "anyOf" -> "matches none of the allowed forms (anyOf)";
      case "oneOf" -> "must match exactly one of the allowed forms (oneOf)";
      case "not" -> "matches a form that is not allowed (not)";
      case "format" -> value + " is not a valid " + keywordValue.asText();
      default -> error.getMessage();
    };
  }

  /** The schema object holding the keyword that failed (for keywords that read a sibling). */
  private static JsonNode parentSchema(Error error, JsonNode root) {
    if (error.getSchemaLocation() == null) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    List<String> path = segments(error.getSchemaLocation().getFragment());
    StringBuilder pointer = new StringBuilder();
    for (String segment : path.subList(0, Math.max(0, path.size() - 1))) {
      pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
    return root.at(pointer.toString());
  }

  /** {@code "a" needs "b"} for each present property whose listed companions are missing. */
  private static String dependencyMessage(JsonNode dependencies, JsonNode value) {
    List<String> parts = new ArrayList<>();
    if (dependencies != null && value != null && value.isObject()) {
      dependencies
          .fields()
          .forEachRemaining(
              e -> {
                if (value.has(e.getKey()) && e.getValue().isArray()) {
                  List<String> missing = new ArrayList<>();
                  e.getValue()
                      .forEach(
                          name -> {
                            if (!value.has(name.asText())) {
                              missing.add("\"" + name.asText() + "\"");
                            }
                          });
                  if (!missing.isEmpty()) {
                    parts.add("\"" + e.getKey() + "\" needs " + String.join(" and ", missing));
                  }
                }
              });
    }
    return parts.isEmpty() ? "breaks its dependencies" : String.join("; ", parts);
  }

  private static int length(JsonNode value) {
    String text = value.asText();
    return text.codePointCount(0, text.length());
  }

  /** Whether a value has a draft-04 type; {@code integer} means a number without a fraction. */
  public static boolean hasType(String type, JsonNode value) {
    return switch (type) {
      case "array" -> value.isArray();
      case "boolean" -> value.isBoolean();
      case "integer" -> value.isIntegralNumber();
      case "null" -> value.isNull();
      case "number" -> value.isNumber();
      case "object" -> value.isObject();
      case "string" -> value.isTextual();
      default -> false;
    };
  }

  private static String typeText(JsonNode type) {
    if (type != null && type.isTextual()) {
      return article(type.asText());
    }
    List<String> names = new ArrayList<>();
    if (type != null) {
      type.forEach(t -> names.add(t.asText()));
    }
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

  private static String typeList() {
    return "string, integer, number, boolean, array, object, null";
  }
}
