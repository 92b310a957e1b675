package fwgear.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.BaseKeywordValidator;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import fwgear.json.LocatedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The gear spec's JSON Schemas (draft-04) on the networknt json-schema-validator: a manifest
 * against the spec's manifest schema ({@code manifest.schema.json} beside this class), a directive
 * against the draft-04 meta-schema, a value against its directive, with ECMA-262 regular
 * expressions (joni) as JSON Schema prescribes. This class only adapts the library: it picks, of an
 * {@code anyOf} that failed, the branch the author meant, words the draft-04 findings the project's
 * way and names where they are. Two things the library does not do as draft-04 says are mended
 * here: {@code uniqueItems} and {@code enum} compare JSON values as draft-04 does (1 and 1.0 are
 * the same number, inside arrays and objects too), and ECMA-262 has no inline flags such as {@code
 * (?i)}.
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
    static final String DRAFT_04 = Dialects.getDraft4().getId();

    /**
     * Draft-04 with the gear spec's own keyword in a directive ({@code optional}, an annotation, as
     * are unknown keywords) and draft-04's equality in {@code uniqueItems} and {@code enum}.
     */
    static final Dialect DIALECT =
        Dialect.builder(Dialects.getDraft4())
            .keyword(new AnnotationKeyword("optional"))
            .keyword(new ByJsonEquality("uniqueItems", JsonSchemas::uniqueItemsHolds))
            .keyword(new ByJsonEquality("enum", JsonSchemas::enumHolds))
            .build();

    static final SchemaRegistry REGISTRY =
        SchemaRegistry.withDefaultDialect(
            DIALECT,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder()
                        .regularExpressionFactory(new EcmaRegexes())
                        .pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true)
                        .build()));
  }

  /**
   * ECMA-262 regular expressions for the library: joni's, except that a pattern both dialects read
   * alike ({@link SimpleSchemas#simplePattern}) is compiled by java.util.regex and matched by it on
   * text they match alike ({@link SimpleSchemas#readAlike}), by joni on other text. Joni's first
   * compile costs some 50 ms of set-up, most of a validate run's schema work when the only pattern
   * is the manifest schema's own for {@code name}.
   */
  static final class EcmaRegexes implements RegularExpressionFactory {
    @Override
    public RegularExpression getRegularExpression(String pattern) {
      if (!SimpleSchemas.simplePattern(pattern)) {
        return JoniRegularExpressionFactory.getInstance().getRegularExpression(pattern);
      }
      Pattern java = Pattern.compile(pattern);
      return new RegularExpression() {
        private volatile RegularExpression ecma;

        @Override
        public boolean matches(String text) {
          if (SimpleSchemas.readAlike(text)) {
            return java.matcher(text).find();
          }
          RegularExpression joni = ecma;
          if (joni == null) {
            joni = JoniRegularExpressionFactory.getInstance().getRegularExpression(pattern);
            ecma = joni;
          }
          return joni.matches(text);
        }
      };
    }
  }

  private static final String MANIFEST_SCHEMA = "manifest.schema.json";

  private static volatile Schema metaSchema;
  private static volatile Schema manifestSchema;
  private static volatile JsonNode manifestSchemaNode;
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
   * One rule of the manifest schema that a manifest breaks, as the library found it.
   *
   * @param path where in the manifest (keys and indexes)
   * @param keyword the draft-04 keyword that failed ({@code type}, {@code enum}, ...)
   * @param value the manifest's value at {@code path}
   * @param keywordValue the keyword's value in the schema (the allowed list of an {@code enum})
   * @param schema the schema object holding the keyword (its other keywords, such as the {@code
   *     properties} an {@code additionalProperties: false} allows)
   * @param argument the property the finding is about for {@code required} and {@code
   *     additionalProperties}; empty otherwise
   * @param directive whether the rule is the draft-04 meta-schema's, that is the finding is about a
   *     schema directive in the manifest ({@link #directiveMessage} words it)
   */
  public record Finding(
      List<String> path,
      String keyword,
      JsonNode value,
      JsonNode keywordValue,
      JsonNode schema,
      String argument,
      boolean directive) {}

  /**
   * Every rule of the spec's manifest schema that {@code manifest} breaks, ordered by path; empty
   * when it satisfies the schema. Config directives and file-input directives are checked against
   * the draft-04 meta-schema as part of it ({@link Finding#directive()}).
   */
  public static List<Finding> manifestFindings(JsonNode manifest) {
    Schema schema = manifestSchema();
    JsonNode root = manifestSchemaNode;
    List<Finding> findings = new ArrayList<>();
    for (Error error : meant(schema.validate(manifest))) {
      boolean directive = fromMetaSchema(error);
      JsonNode holder = directive ? MissingNode.getInstance() : parentSchema(error, root);
      Object[] args = error.getArguments();
      String argument =
          (error.getKeyword().equals("required")
                      || error.getKeyword().equals("additionalProperties"))
                  && args != null
                  && args.length > 0
              ? String.valueOf(args[0])
              : "";
      findings.add(
          new Finding(
              segments(error.getInstanceLocation()),
              error.getKeyword(),
              error.getInstanceNode(),
              error.getSchemaNode(),
              holder,
              argument,
              directive));
    }
    return findings;
  }

  /** The manifest schema itself (for the allowed values it lists, such as the licenses). */
  public static JsonNode manifestSchemaNode() {
    manifestSchema();
    return manifestSchemaNode;
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
    Set<SchemaIssue> issues = new LinkedHashSet<>();
    for (Error error : meant(meta().validate(schema))) {
      List<String> path = segments(error.getInstanceLocation());
      issues.add(new SchemaIssue(path, directiveMessage(finding(error, path), path)));
    }
    Set<List<String>> known = new HashSet<>();
    issues.forEach(issue -> known.add(issue.path()));
    issues.addAll(extraIssues(schema, known));
    return List.copyOf(issues);
  }

  /**
   * The directive rules the meta-schema cannot state: a {@code $ref} points inside the directive (a
   * directive cannot load other documents), and a pattern has no inline flags such as {@code (?i)}
   * (ECMA-262 has none; joni accepts them). Places with a problem already ({@code known}, paths
   * below the directive) are left out, so one pattern is not reported twice.
   */
  public static List<SchemaIssue> extraIssues(JsonNode schema, Set<List<String>> known) {
    List<SchemaIssue> out = new ArrayList<>();
    refIssues(schema, new ArrayList<>(), out);
    patternIssues(schema, new ArrayList<>(), out);
    return out.stream().filter(issue -> !known.contains(issue.path())).toList();
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
    // A failed anyOf becomes one violation that lists why each of its forms failed.
    Map<String, List<String>> anyOf = new LinkedHashMap<>();
    Map<String, List<String>> anyOfPaths = new HashMap<>();
    for (Error error : sortedByInstance(compile(schema).validate(value))) {
      List<String> path = segments(error.getInstanceLocation());
      String message = valueMessage(error, schema);
      Optional<AnyOf> outer = anyOfs(error).stream().findFirst();
      if (outer.isPresent()) {
        String key = outer.get().group();
        anyOf.computeIfAbsent(key, k -> new ArrayList<>()).add(new Violation(path, message).text());
        anyOfPaths.putIfAbsent(key, outer.get().instance());
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
      schema = Library.REGISTRY.getSchema(SchemaLocation.of(Library.DRAFT_04));
      metaSchema = schema;
    }
    return schema;
  }

  private static Schema manifestSchema() {
    Schema schema = manifestSchema;
    if (schema == null) {
      JsonNode node;
      try (InputStream in = JsonSchemas.class.getResourceAsStream(MANIFEST_SCHEMA)) {
        if (in == null) {
          throw new IllegalStateException(MANIFEST_SCHEMA + " is missing from the classpath");
        }
        node =
            LocatedDocument.parseJson(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), MANIFEST_SCHEMA)
                .root();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      manifestSchemaNode = node;
      schema = Library.REGISTRY.getSchema(node);
      manifestSchema = schema;
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

  private static boolean fromMetaSchema(Error error) {
    SchemaLocation location = error.getSchemaLocation();
    return location != null
        && location.getAbsoluteIri() != null
        && location.getAbsoluteIri().toString().startsWith(Library.DRAFT_04.replace("#", ""));
  }

  /** A meta-schema finding as a {@link Finding} at {@code path} (for {@link #directiveMessage}). */
  private static Finding finding(Error error, List<String> path) {
    return new Finding(
        path,
        error.getKeyword(),
        error.getInstanceNode(),
        error.getSchemaNode(),
        MissingNode.getInstance(),
        "",
        true);
  }

  // ---- which of a failed anyOf's branches the author meant

  /** One anyOf on an error's evaluation path: which anyOf (and on which value), which branch. */
  private record AnyOf(String group, List<String> instance, int branch) {}

  /**
   * The anyOfs an error's evaluation path went through, outermost first. An anyOf is told apart by
   * its place in the schema and the value it applied to: the evaluation path does not name the
   * properties that {@code additionalProperties} reached, so the value's path is worked out by
   * walking the evaluation path with the instance path, keyword by keyword (draft-04's
   * applicators).
   */
  private static List<AnyOf> anyOfs(Error error) {
    NodePath evaluation = error.getEvaluationPath();
    List<String> instance = segments(error.getInstanceLocation());
    List<AnyOf> found = new ArrayList<>();
    StringBuilder schemaPath = new StringBuilder();
    int consumed = 0;
    int count = evaluation.getNameCount();
    for (int i = 0; i < count; i++) {
      String segment = String.valueOf(evaluation.getElement(i));
      schemaPath.append('/').append(segment);
      boolean last = i + 1 == count;
      boolean indexNext = !last && evaluation.getElement(i + 1) instanceof Integer;
      switch (segment) {
        case "properties", "patternProperties" -> {
          if (!last) {
            consumed++;
            schemaPath.append('/').append(evaluation.getElement(++i));
          }
        }
        case "additionalProperties", "additionalItems" -> consumed++;
        case "items" -> {
          consumed++;
          if (indexNext) {
            schemaPath.append('/').append(evaluation.getElement(++i));
          }
        }
        case "dependencies" -> {
          if (!last) {
            schemaPath.append('/').append(evaluation.getElement(++i));
          }
        }
        case "allOf", "oneOf" -> {
          if (indexNext) {
            schemaPath.append('/').append(evaluation.getElement(++i));
          }
        }
        case "anyOf" -> {
          if (indexNext) {
            int branch = (Integer) evaluation.getElement(++i);
            List<String> at = instance.subList(0, Math.min(consumed, instance.size()));
            found.add(new AnyOf(schemaPath + "@" + at, List.copyOf(at), branch));
            schemaPath.append('/').append(branch);
          }
        }
        default -> {}
      }
    }
    return found;
  }

  /**
   * The errors worth showing: the library reports a failed anyOf by the failures of all its
   * branches, while its author meant one of them. Of each failed anyOf (innermost first) only the
   * errors of the branch the value came closest to are kept: a branch whose value has the wrong
   * shape (a {@code type} refused, or an {@code enum} of values of another type) least, then one
   * whose object has the wrong value of a listed property (such as an input's {@code base}), then
   * the branch whose errors reach deepest into the value, then the one with the fewest errors.
   * Every error of that branch is kept, so every problem is reported.
   */
  private static List<Error> meant(List<Error> errors) {
    List<Error> kept = new ArrayList<>(errors);
    Map<Error, List<AnyOf>> paths = new HashMap<>();
    Map<String, Integer> depths = new HashMap<>();
    for (Error error : errors) {
      List<AnyOf> anyOfs = anyOfs(error);
      paths.put(error, anyOfs);
      for (int i = 0; i < anyOfs.size(); i++) {
        depths.merge(anyOfs.get(i).group(), i, Math::max);
      }
    }
    List<String> groups = new ArrayList<>(depths.keySet());
    groups.sort(Comparator.comparing((String g) -> -depths.get(g)).thenComparing(g -> g));
    for (String group : groups) {
      Map<Integer, List<Error>> branches = new HashMap<>();
      List<String> instance = List.of();
      for (Error error : kept) {
        for (AnyOf anyOf : paths.get(error)) {
          if (anyOf.group().equals(group)) {
            branches.computeIfAbsent(anyOf.branch(), b -> new ArrayList<>()).add(error);
            instance = anyOf.instance();
          }
        }
      }
      if (branches.size() < 2) {
        continue;
      }
      List<String> at = instance;
      int best =
          branches.entrySet().stream()
              .min(
                  Comparator.comparingInt(
                          (Map.Entry<Integer, List<Error>> e) -> rank(e.getValue(), at))
                      .thenComparingInt(e -> -maxDepth(e.getValue()))
                      .thenComparingInt(e -> e.getValue().size())
                      .thenComparingInt(Map.Entry::getKey))
              .orElseThrow()
              .getKey();
      branches.forEach(
          (branch, members) -> {
            if (branch != best) {
              kept.removeAll(members);
            }
          });
    }
    return sortedByInstance(kept);
  }

  /** 2: the value has the wrong shape for the branch; 1: a property's enum refused it; 0: else. */
  private static int rank(List<Error> errors, List<String> anyOfInstance) {
    int rank = 0;
    for (Error error : errors) {
      List<String> at = segments(error.getInstanceLocation());
      JsonNode value = error.getInstanceNode();
      if (at.equals(anyOfInstance)
          && (error.getKeyword().equals("type")
              || (error.getKeyword().equals("enum") && !enumHasTypeOf(error, value)))) {
        return 2;
      }
      if (error.getKeyword().equals("enum")
          && at.size() == anyOfInstance.size() + 1
          && at.subList(0, anyOfInstance.size()).equals(anyOfInstance)
          && !looksLikeIndex(at.get(at.size() - 1))) {
        rank = 1;
      }
    }
    return rank;
  }

  private static boolean enumHasTypeOf(Error error, JsonNode value) {
    JsonNode allowed = error.getSchemaNode();
    if (allowed == null || !allowed.isArray() || value == null) {
      return true;
    }
    for (JsonNode candidate : allowed) {
      if (candidate.getNodeType() == value.getNodeType()) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksLikeIndex(String segment) {
    return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
  }

  private static int maxDepth(List<Error> errors) {
    return errors.stream().mapToInt(e -> e.getInstanceLocation().getNameCount()).max().orElse(0);
  }

  private static List<Error> sortedByInstance(List<Error> errors) {
    List<Error> copy = new ArrayList<>(errors);
    copy.sort(Comparator.comparing((Error e) -> e.getInstanceLocation().toString()));
    return copy;
  }

  private static List<String> segments(NodePath path) {
    List<String> segments = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      segments.add(String.valueOf(path.getElement(i)));
    }
    return segments;
  }

  // ---- draft-04 equality, which the library's uniqueItems does not use

  /**
   * Whether two JSON values are equal as draft-04 defines it: numbers by their mathematical value
   * (1 equals 1.0), arrays item by item, objects key by key regardless of order.
   */
  static boolean jsonEquals(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!jsonEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = a.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode other = b.get(field.getKey());
        if (other == null || !jsonEquals(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** {@code uniqueItems}: no two items are {@link #jsonEquals} ({@code [1, 1.0]} repeats one). */
  static boolean uniqueItemsHolds(JsonNode unique, JsonNode value) {
    if (!unique.asBoolean(false) || !value.isArray()) {
      return true;
    }
    for (int i = 0; i < value.size(); i++) {
      for (int j = i + 1; j < value.size(); j++) {
        if (jsonEquals(value.get(i), value.get(j))) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code enum}: the value {@link #jsonEquals} one of the list ({@code 1.0} is one of [1]). */
  static boolean enumHolds(JsonNode allowed, JsonNode value) {
    if (!allowed.isArray()) {
      return true;
    }
    for (JsonNode candidate : allowed) {
      if (jsonEquals(candidate, value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A draft-04 keyword that compares values, judged with {@link #jsonEquals} (the library's own
   * compares Jackson nodes, for which 1 and 1.0 differ); its errors are the library's, so they are
   * worded and located as any other.
   */
  private static final class ByJsonEquality extends AbstractKeyword {
    private final BiPredicate<JsonNode, JsonNode> holds;

    ByJsonEquality(String keyword, BiPredicate<JsonNode, JsonNode> holds) {
      super(keyword);
      this.holds = holds;
    }

    @Override
    public KeywordValidator newValidator(
        SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext context) {
      return new BaseKeywordValidator(this, schemaNode, location, parent, context) {
        @Override
        public void validate(
            ExecutionContext execution, JsonNode node, JsonNode root, NodePath instanceLocation) {
          if (!holds.test(schemaNode, node)) {
            execution.addError(
                error()
                    .instanceNode(node)
                    .instanceLocation(instanceLocation)
                    .evaluationPath(execution.getEvaluationPath())
                    .locale(execution.getExecutionConfig().getLocale())
                    .arguments(schemaNode.toString())
                    .build());
          }
        }
      };
    }
  }

  // ---- wording: the meta-schema's findings about a directive

  /**
   * A meta-schema finding about a directive, in words, for the keyword at {@code path} below the
   * directive (the finding's own path may be longer, as in a manifest).
   */
  public static String directiveMessage(Finding finding, List<String> path) {
    String keyword = finding.keyword();
    String at = path.isEmpty() ? "" : path.get(path.size() - 1);
    JsonNode node = finding.value();
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
                  : "a keyword needs another one";
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
                    : metaType(finding);
          };
      default -> metaType(finding);
    };
  }

  private static String metaType(Finding finding) {
    JsonNode node = finding.value();
    if (finding.keyword().equals("type")) {
      JsonNode expected = finding.keywordValue();
      String what = expected != null && expected.isTextual() ? expected.asText() : "";
      return switch (what) {
        case "object" -> "must be an object (a JSON schema), not " + describe(node);
        case "boolean" -> "must be a boolean (draft-04), not " + describe(node);
        case "integer" -> "must be a non-negative integer, not " + describe(node);
        case "" -> "has the wrong type, " + describe(node);
        default -> "must be " + article(what) + ", not " + describe(node);
      };
    }
    return "breaks the draft-04 rule \"" + finding.keyword() + "\"";
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
      return MissingNode.getInstance();
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

  /** {@code a string}, {@code an integer}, {@code null}: a type name as it reads in a sentence. */
  public static String article(String type) {
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
