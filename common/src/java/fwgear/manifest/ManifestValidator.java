package fwgear.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * A manifest checked against the gear spec: its schema ({@code manifest.schema.json}, the spec's
 * v0.1.9 rules, run by the schema library through {@link JsonSchemas}), worded for the gear author,
 * plus what no schema can say: keys given twice, the warnings (a default that breaks its own
 * directive, as the Flywheel toolkit checks; capabilities and config types the spec does not
 * define; input names outside the spec's advice), and the directive rules the library misses
 * ({@link JsonSchemas#extraIssues}). Every problem of the file comes at once, in line order, each
 * naming its line and key.
 *
 * <p>Rule ids are stable; {@code ./gear validate} prints them and tests match on them.
 */
public final class ManifestValidator {
  /** The capabilities the spec defines; an executor refuses a job that lists one it lacks. */
  public static final Set<String> CAPABILITIES = Set.of("networking");

  /** The config types the spec asks for (v0.3.0 adds array). */
  private static final Set<String> CONFIG_TYPES =
      Set.of("string", "integer", "number", "boolean", "array");

  private static final Pattern INPUT_NAME = Pattern.compile("^[A-Za-z0-9_-]+$");

  private final LocatedDocument doc;
  private final List<Problem> problems = new ArrayList<>();

  /** Directives (by pointer) the schema found broken: their defaults cannot be judged. */
  private final Set<String> brokenDirectives = new HashSet<>();

  /** Where the schema found a problem: the checks below do not report a second one there. */
  private final Set<List<String>> found = new HashSet<>();

  /** Whether the schema's findings are known to be none, so the library is not asked again. */
  private final boolean schemaChecked;

  private ManifestValidator(LocatedDocument doc, boolean schemaChecked) {
    this.doc = doc;
    this.schemaChecked = schemaChecked;
  }

  /** Every problem of the manifest, errors and warnings, in line order, each once. */
  public static List<Problem> validate(LocatedDocument manifest) {
    return validate(manifest, false);
  }

  /**
   * {@link #validate} for a manifest known to satisfy the schema ({@link
   * JsonSchemas#manifestFindings} empty): the checks no schema states still run, the library's pass
   * over the manifest does not. A gear's start uses it for the manifest its image was built with
   * (fwgear.context.ValidatedManifest): that pass is most of the library's cost at a start.
   */
  public static List<Problem> validateSchemaChecked(LocatedDocument manifest) {
    return validate(manifest, true);
  }

  private static List<Problem> validate(LocatedDocument manifest, boolean schemaChecked) {
    ManifestValidator validator = new ManifestValidator(manifest, schemaChecked);
    validator.run();
    List<Problem> sorted = new ArrayList<>(new LinkedHashSet<>(validator.problems));
    sorted.sort(Comparator.comparingInt(Problem::line));
    return List.copyOf(sorted);
  }

  private void run() {
    problems.addAll(doc.duplicateKeys());
    List<JsonSchemas.Finding> findings =
        schemaChecked ? List.of() : JsonSchemas.manifestFindings(doc.root());
    Set<List<String>> wrongType = new HashSet<>();
    findings.stream()
        .filter(f -> f.keyword().equals("type") && !f.directive())
        .forEach(f -> wrongType.add(f.path()));
    for (JsonSchemas.Finding finding : findings) {
      if (finding.keyword().equals("not") && !finding.value().isObject()) {
        // {"not": {"required": [...]}} fails for any non-object, which has its own type problem.
        continue;
      }
      if (finding.keyword().equals("enum") && wrongType.contains(finding.path())) {
        continue; // a license of 1 is not a string: that says it; "1 is not a license" adds nothing
      }
      problems.add(problem(finding));
      found.add(finding.path());
    }
    JsonNode root = doc.root();
    if (!root.isObject()) {
      return;
    }
    checkCapabilities(root.path("capabilities"));
    root.path("config").fields().forEachRemaining(e -> checkDirective(e.getKey(), e.getValue()));
    root.path("inputs").fields().forEachRemaining(e -> checkInput(e.getKey(), e.getValue()));
  }

  // ---- the schema's findings, in the project's words

  private Problem problem(JsonSchemas.Finding finding) {
    List<String> path = finding.path();
    String at = pointer(path);
    if (finding.directive()) {
      return directiveProblem(finding);
    }
    String top = path.isEmpty() ? "" : path.get(0);
    String keyword = finding.keyword();
    JsonNode value = finding.value();
    if (path.isEmpty()) {
      return switch (keyword) {
        case "required" ->
            Problem.error(
                doc.displayName(),
                doc.lineOf(""),
                finding.argument(),
                "manifest-required-key",
                "the required key \"" + finding.argument() + "\" is missing");
        case "additionalProperties" ->
            doc.error(
                pointer(finding.argument()),
                "manifest-unknown-key",
                "unknown key \""
                    + finding.argument()
                    + "\"; a manifest may only have "
                    + String.join(
                        ", ",
                        fieldNames(finding.schema().path("properties")).stream()
                            .sorted()
                            .toList()));
        case "type" ->
            doc.error(
                "", "manifest-not-object", "a manifest is a JSON object, not " + describe(value));
        default -> fallback(finding);
      };
    }
    if (top.equals("inputs") && path.size() >= 2) {
      return inputProblem(finding);
    }
    if (top.equals("config") && path.size() == 2 && keyword.equals("not")) {
      return doc.error(
          at,
          "config-default-and-optional",
          "has both \"default\" and \"optional\"; the spec allows one or the other");
    }
    if (top.equals("environment") && path.size() == 2 && keyword.equals("type")) {
      return doc.error(
          at,
          "manifest-environment-value",
          "environment values are strings, not " + describe(value));
    }
    if (top.equals("capabilities") && path.size() == 2 && keyword.equals("type")) {
      return doc.error(at, "manifest-type", "capabilities are strings, not " + describe(value));
    }
    return switch (keyword) {
      case "type" ->
          doc.error(
              at,
              "manifest-type",
              "must be "
                  + JsonSchemas.article(finding.keywordValue().asText())
                  + typeHint(path)
                  + ", not "
                  + describe(value));
      case "maxLength" ->
          doc.error(
              at,
              "manifest-max-length",
              "is "
                  + length(value)
                  + " characters long; at most "
                  + finding.keywordValue()
                  + " are allowed");
      case "pattern" ->
          top.equals("name")
              ? doc.error(
                  at,
                  "manifest-name-pattern",
                  value
                      + " may only have lower-case letters, digits and hyphens ("
                      + finding.keywordValue().asText()
                      + ")")
              : fallback(finding);
      case "enum" -> top.equals("license") ? licenseProblem(finding) : fallback(finding);
      case "format" ->
          doc.error(
              at,
              "manifest-uri",
              value + " is not an absolute URI (such as https://...); leave it empty if none");
      default -> fallback(finding);
    };
  }

  private Problem licenseProblem(JsonSchemas.Finding finding) {
    String license = finding.value().asText();
    String hint =
        StreamSupport.stream(finding.keywordValue().spliterator(), false)
            .map(JsonNode::asText)
            .filter(allowed -> allowed.equalsIgnoreCase(license))
            .findFirst()
            .map(allowed -> " (did you mean \"" + allowed + "\"? licenses are case-sensitive)")
            .orElse(" (an OSI-approved SPDX id such as \"MIT\", or \"Flywheel MSA\" or \"Other\")");
    return doc.error(
        pointer(finding.path()),
        "manifest-license",
        finding.value() + " is not a license the gear spec allows" + hint);
  }

  private Problem inputProblem(JsonSchemas.Finding finding) {
    List<String> path = finding.path();
    String name = path.get(1);
    String at = pointer(path);
    String keyword = finding.keyword();
    if (path.size() == 2) {
      return switch (keyword) {
        case "type" ->
            doc.error(
                at,
                "manifest-type",
                "an input is an object with a \"base\", not " + describe(finding.value()));
        case "required" ->
            doc.error(at, "input-base", "has no \"base\"; use one of " + InputSpec.BASES);
        case "additionalProperties" -> {
          String base = finding.value().path("base").asText();
          yield doc.error(
              pointer("inputs", name, finding.argument()),
              "input-key-not-allowed",
              "an input of base \""
                  + base
                  + "\" may only have "
                  + fieldNames(finding.schema().path("properties")).stream().sorted().toList()
                  + (finding.argument().equals("optional")
                      ? "; only file inputs can be optional"
                      : ""));
        }
        default -> fallback(finding);
      };
    }
    String key = path.get(2);
    if (path.size() == 3 && key.equals("base")) {
      return doc.error(
          at,
          "input-base",
          finding.value() + " is not an input kind; use one of " + InputSpec.BASES);
    }
    if (path.size() == 3 && keyword.equals("type")) {
      return doc.error(
          at,
          "input-key-type",
          finding.keywordValue().asText().equals("boolean")
              ? "must be true or false, not " + describe(finding.value())
              : "must be "
                  + JsonSchemas.article(finding.keywordValue().asText())
                  + ", not "
                  + describe(finding.value()));
    }
    return fallback(finding);
  }

  /** A config directive or a file-input directive that is not a valid draft-04 schema. */
  private Problem directiveProblem(JsonSchemas.Finding finding) {
    List<String> path = finding.path();
    if (path.size() >= 2 && path.get(0).equals("config")) {
      brokenDirectives.add(pointer(path.subList(0, 2)));
      return doc.error(
          pointer(path),
          "config-directive-schema",
          "not a valid draft-04 schema: "
              + JsonSchemas.directiveMessage(finding, path.subList(2, path.size())));
    }
    if (path.size() >= 3 && path.get(0).equals("inputs")) {
      List<String> below = path.subList(3, path.size());
      return doc.error(
          pointer(path),
          "input-directive-schema",
          inputDirectivePrefix(path.get(2), below.isEmpty())
              + JsonSchemas.directiveMessage(finding, below));
    }
    return fallback(finding);
  }

  private static String inputDirectivePrefix(String field, boolean whole) {
    return "a file-input directive is a draft-04 schema for the file's \""
        + field
        + "\" field"
        + (whole ? " (such as {\"enum\": [...]})" : "")
        + ": ";
  }

  /** A rule of the schema without words of its own here (none today): its keyword. */
  private Problem fallback(JsonSchemas.Finding finding) {
    return doc.error(
        pointer(finding.path()),
        "manifest-schema",
        "breaks the gear spec's schema (\"" + finding.keyword() + "\")");
  }

  private static String typeHint(List<String> path) {
    return switch (String.join("/", path)) {
      case "config" -> " of config directives";
      case "inputs" -> " of inputs";
      case "environment", "capabilities" -> " of strings";
      case "custom/gear-builder/image" -> " (repository/name:tag)";
      default -> "";
    };
  }

  // ---- what no schema can say

  private void checkCapabilities(JsonNode capabilities) {
    for (int i = 0; i < capabilities.size(); i++) {
      JsonNode capability = capabilities.get(i);
      if (capability.isTextual() && !CAPABILITIES.contains(capability.asText())) {
        problems.add(
            doc.warning(
                pointer("capabilities", Integer.toString(i)),
                "manifest-capability-unknown",
                "\""
                    + capability.asText()
                    + "\" is not a capability the spec defines (only \"networking\"); an executor"
                    + " refuses a job that needs one it does not have"));
      }
    }
  }

  private void checkDirective(String name, JsonNode directive) {
    String at = pointer("config", name);
    if (!directive.isObject()) {
      return;
    }
    for (JsonSchemas.SchemaIssue issue :
        JsonSchemas.extraIssues(directive, foundBelow("config", name))) {
      brokenDirectives.add(at);
      problems.add(
          doc.error(
              pointer(at, issue.path()),
              "config-directive-schema",
              "not a valid draft-04 schema: " + issue.message()));
    }
    JsonNode optional = directive.get("optional");
    if (optional != null && !optional.isBoolean()) {
      problems.add(
          doc.warning(
              pointer("config", name, "optional"),
              "config-optional-type",
              "\"optional\" should be true or false, not " + describe(optional)));
    }
    JsonNode type = directive.get("type");
    if (type == null) {
      problems.add(
          doc.warning(
              at,
              "config-type-missing",
              "has no \"type\"; the spec asks for one of string, integer, number, boolean, array"));
    } else if (type.isTextual()
        && JsonSchemas.TYPES.contains(type.asText())
        && !CONFIG_TYPES.contains(type.asText())) {
      problems.add(
          doc.warning(
              pointer("config", name, "type"),
              "config-type-unsupported",
              "type \""
                  + type.asText()
                  + "\" is not a config type the spec supports (string, integer, number, boolean,"
                  + " array)"));
    }
    JsonNode defaultValue = directive.get("default");
    if (defaultValue != null && !brokenDirectives.contains(at)) {
      // A warning: in draft-04 a default is an annotation, and Flywheel runs such gears; a run
      // whose config.json gives a valid value is not affected.
      for (JsonSchemas.Violation violation : JsonSchemas.check(directive, defaultValue)) {
        problems.add(
            doc.warning(
                pointer(pointer("config", name, "default"), violation.path()),
                "config-default-invalid",
                "the default does not satisfy its own directive: " + violation.message()));
      }
    }
  }

  private void checkInput(String name, JsonNode input) {
    String at = pointer("inputs", name);
    if (!INPUT_NAME.matcher(name).matches()) {
      problems.add(
          doc.warning(
              at,
              "input-name",
              "input names should only have letters, digits, '_' and '-' (^[A-Za-z0-9_-]+$)"));
    }
    if (!input.isObject() || !input.path("base").asText().equals(InputSpec.FILE)) {
      return;
    }
    input
        .fields()
        .forEachRemaining(
            e -> {
              if (InputSpec.FILE_KEYS.contains(e.getKey()) || !e.getValue().isObject()) {
                return;
              }
              for (JsonSchemas.SchemaIssue issue :
                  JsonSchemas.extraIssues(e.getValue(), foundBelow("inputs", name, e.getKey()))) {
                problems.add(
                    doc.error(
                        pointer(pointer("inputs", name, e.getKey()), issue.path()),
                        "input-directive-schema",
                        inputDirectivePrefix(e.getKey(), issue.path().isEmpty())
                            + issue.message()));
              }
            });
  }

  /** The paths below {@code prefix} (such as {@code config.<name>}) where the schema found one. */
  private Set<List<String>> foundBelow(String... prefix) {
    List<String> start = List.of(prefix);
    Set<List<String>> below = new HashSet<>();
    for (List<String> path : found) {
      if (path.size() >= start.size() && path.subList(0, start.size()).equals(start)) {
        below.add(path.subList(start.size(), path.size()));
      }
    }
    return below;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String describe(JsonNode value) {
    return JsonSchemas.describe(value);
  }

  private static int length(JsonNode value) {
    String text = value.asText();
    return text.codePointCount(0, text.length());
  }

  /** A JSON pointer from keys, escaping '~' and '/' in them. */
  static String pointer(String... segments) {
    return pointer(List.of(segments));
  }

  private static String pointer(List<String> segments) {
    StringBuilder pointer = new StringBuilder();
    for (String segment : segments) {
      pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  private static String pointer(String base, List<String> segments) {
    return base + pointer(segments);
  }
}
