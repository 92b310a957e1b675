package fwgear.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule of the gear spec's manifest schema (v0.1.9, JSON Schema draft-04), plus the checks the
 * Flywheel toolkit adds (each default satisfies its own directive) and the ones the schema declares
 * but does not enforce (url and source are empty or an absolute URI). All problems are returned at
 * once, each with the line of the key it is about.
 *
 * <p>Rule ids are stable; {@code ./gear validate} prints them and tests match on them.
 */
public final class ManifestValidator {
  /** The ten keys every manifest has. */
  public static final List<String> REQUIRED_KEYS =
      List.of(
          "author",
          "config",
          "description",
          "inputs",
          "label",
          "license",
          "name",
          "source",
          "url",
          "version");

  /**
   * Optional top-level keys. {@code output_configuration} is a v0.3.0 addition that the v0.1.9
   * schema rejects; Flywheel accepts it today, so we do too.
   */
  public static final List<String> OPTIONAL_KEYS =
      List.of(
          "maintainer",
          "cite",
          "custom",
          "environment",
          "command",
          "capabilities",
          "flywheel",
          "output_configuration");

  /** The capabilities the spec defines; an executor refuses a job that lists one it lacks. */
  public static final Set<String> CAPABILITIES = Set.of("networking");

  private static final Pattern NAME = Pattern.compile("^[a-z0-9\\-]+$");
  private static final Pattern INPUT_NAME = Pattern.compile("^[A-Za-z0-9_-]+$");
  private static final Set<String> CONFIG_TYPES =
      Set.of("string", "integer", "number", "boolean", "array");

  private static final Map<String, Integer> MAX_LENGTHS =
      Map.of(
          "name", 100,
          "label", 100,
          "version", 100,
          "author", 100,
          "maintainer", 100,
          "description", 5000,
          "cite", 5000,
          "source", 1000,
          "url", 1000);

  private final LocatedDocument doc;
  private final List<Problem> problems = new ArrayList<>();

  private ManifestValidator(LocatedDocument doc) {
    this.doc = doc;
  }

  /** Every problem of the manifest, errors and warnings, in document order of the checks. */
  public static List<Problem> validate(LocatedDocument manifest) {
    ManifestValidator validator = new ManifestValidator(manifest);
    validator.run();
    return List.copyOf(validator.problems);
  }

  private void run() {
    problems.addAll(doc.duplicateKeys());
    JsonNode root = doc.root();
    if (!root.isObject()) {
      error(
          "",
          "manifest-not-object",
          "a manifest is a JSON object, not " + JsonSchemas.describe(root));
      return;
    }
    for (String key : REQUIRED_KEYS) {
      if (!root.has(key)) {
        problems.add(
            Problem.error(
                doc.displayName(),
                doc.lineOf(""),
                key,
                "manifest-required-key",
                "the required key \"" + key + "\" is missing"));
      }
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!REQUIRED_KEYS.contains(key) && !OPTIONAL_KEYS.contains(key)) {
        error(
            pointer(key),
            "manifest-unknown-key",
            "unknown key \"" + key + "\"; a manifest may only have " + allKeys());
      }
    }
    for (String key : MAX_LENGTHS.keySet()) {
      checkString(key);
    }
    checkName();
    checkLicense();
    checkUri("source");
    checkUri("url");
    checkCommand();
    checkEnvironment();
    checkCapabilities();
    checkCustom();
    checkOutputConfiguration();
    checkConfig();
    checkInputs();
    problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : 0);
  }

  private void checkString(String key) {
    JsonNode value = doc.root().get(key);
    if (value == null) {
      return;
    }
    if (!value.isTextual()) {
      error(pointer(key), "manifest-type", "must be a string, not " + JsonSchemas.describe(value));
      return;
    }
    int max = MAX_LENGTHS.get(key);
    int length = value.asText().codePointCount(0, value.asText().length());
    if (length > max) {
      error(
          pointer(key),
          "manifest-max-length",
          "is " + length + " characters long; at most " + max + " are allowed");
    }
  }

  private void checkName() {
    JsonNode name = doc.root().get("name");
    if (name != null && name.isTextual() && !NAME.matcher(name.asText()).matches()) {
      error(
          pointer("name"),
          "manifest-name-pattern",
          "\""
              + name.asText()
              + "\" may only have lower-case letters, digits and hyphens (^[a-z0-9-]+$)");
    }
  }

  private void checkLicense() {
    JsonNode license = doc.root().get("license");
    if (license == null) {
      return;
    }
    if (!license.isTextual()) {
      error(
          pointer("license"),
          "manifest-type",
          "must be a string, not " + JsonSchemas.describe(license));
    } else if (!Licenses.ALLOWED.contains(license.asText())) {
      String hint =
          Licenses.ALLOWED.stream()
              .filter(l -> l.equalsIgnoreCase(license.asText()))
              .findFirst()
              .map(l -> " (did you mean \"" + l + "\"? licenses are case-sensitive)")
              .orElse(
                  " (an OSI-approved SPDX id such as \"MIT\", or \"Flywheel MSA\" or \"Other\")");
      error(
          pointer("license"),
          "manifest-license",
          "\"" + license.asText() + "\" is not a license the gear spec allows" + hint);
    }
  }

  private void checkUri(String key) {
    JsonNode value = doc.root().get(key);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      return;
    }
    String text = value.asText();
    boolean absolute;
    try {
      URI uri = new URI(text);
      absolute = uri.isAbsolute();
    } catch (URISyntaxException e) {
      absolute = false;
    }
    if (!absolute) {
      error(
          pointer(key),
          "manifest-uri",
          "\"" + text + "\" is not an absolute URI (such as https://...); leave it empty if none");
    }
  }

  private void checkCommand() {
    JsonNode command = doc.root().get("command");
    if (command != null && !command.isTextual()) {
      error(
          pointer("command"),
          "manifest-type",
          "must be a string, not " + JsonSchemas.describe(command));
    }
  }

  private void checkEnvironment() {
    JsonNode environment = doc.root().get("environment");
    if (environment == null) {
      return;
    }
    if (!environment.isObject()) {
      error(pointer("environment"), "manifest-type", "must be an object of strings");
      return;
    }
    environment
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isTextual()) {
                error(
                    pointer("environment", e.getKey()),
                    "manifest-environment-value",
                    "environment values are strings, not " + JsonSchemas.describe(e.getValue()));
              }
            });
  }

  private void checkCapabilities() {
    JsonNode capabilities = doc.root().get("capabilities");
    if (capabilities == null) {
      return;
    }
    if (!capabilities.isArray()) {
      error(pointer("capabilities"), "manifest-type", "must be an array of strings");
      return;
    }
    for (int i = 0; i < capabilities.size(); i++) {
      JsonNode capability = capabilities.get(i);
      String at = pointer("capabilities", Integer.toString(i));
      if (!capability.isTextual()) {
        error(
            at,
            "manifest-type",
            "capabilities are strings, not " + JsonSchemas.describe(capability));
      } else if (!CAPABILITIES.contains(capability.asText())) {
        problems.add(
            doc.warning(
                at,
                "manifest-capability-unknown",
                "\""
                    + capability.asText()
                    + "\" is not a capability the spec defines (only \"networking\"); an executor"
                    + " refuses a job that needs one it does not have"));
      }
    }
  }

  private void checkCustom() {
    JsonNode custom = doc.root().get("custom");
    if (custom == null) {
      return;
    }
    if (!custom.isObject()) {
      error(
          pointer("custom"),
          "manifest-type",
          "must be an object, not " + JsonSchemas.describe(custom));
      return;
    }
    JsonNode builder = custom.get("gear-builder");
    if (builder != null && !builder.isObject()) {
      error(pointer("custom", "gear-builder"), "manifest-type", "must be an object");
    } else if (builder != null && builder.has("image") && !builder.get("image").isTextual()) {
      error(
          pointer("custom", "gear-builder", "image"),
          "manifest-type",
          "must be a string (repository/name:tag)");
    }
  }

  private void checkOutputConfiguration() {
    JsonNode output = doc.root().get("output_configuration");
    if (output == null) {
      return;
    }
    if (!output.isObject()) {
      error(pointer("output_configuration"), "manifest-type", "must be an object");
      return;
    }
    JsonNode match = output.get("enforce_file_version_match");
    if (match != null && !match.isBoolean()) {
      error(
          pointer("output_configuration", "enforce_file_version_match"),
          "manifest-type",
          "must be a boolean");
    }
  }

  private void checkConfig() {
    JsonNode config = doc.root().get("config");
    if (config == null) {
      return;
    }
    if (!config.isObject()) {
      error(pointer("config"), "manifest-type", "must be an object of config directives");
      return;
    }
    config.fields().forEachRemaining(e -> checkDirective(e.getKey(), e.getValue()));
  }

  private void checkDirective(String name, JsonNode directive) {
    String at = pointer("config", name);
    List<JsonSchemas.SchemaIssue> issues = JsonSchemas.schemaIssues(directive);
    for (JsonSchemas.SchemaIssue issue : issues) {
      error(
          pointer(at, issue.path()),
          "config-directive-schema",
          "not a valid draft-04 schema: " + issue.message());
    }
    if (!directive.isObject()) {
      return;
    }
    if (directive.has("default") && directive.has("optional")) {
      error(
          at,
          "config-default-and-optional",
          "has both \"default\" and \"optional\"; the spec allows one or the other");
    }
    JsonNode optional = directive.get("optional");
    if (optional != null && !optional.isBoolean()) {
      problems.add(
          doc.warning(
              pointer("config", name, "optional"),
              "config-optional-type",
              "\"optional\" should be true or false, not " + JsonSchemas.describe(optional)));
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
    if (defaultValue != null && issues.isEmpty()) {
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

  private void checkInputs() {
    JsonNode inputs = doc.root().get("inputs");
    if (inputs == null) {
      return;
    }
    if (!inputs.isObject()) {
      error(pointer("inputs"), "manifest-type", "must be an object of inputs");
      return;
    }
    inputs.fields().forEachRemaining(e -> checkInput(e.getKey(), e.getValue()));
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
    if (!input.isObject()) {
      error(
          at,
          "manifest-type",
          "an input is an object with a \"base\", not " + JsonSchemas.describe(input));
      return;
    }
    JsonNode base = input.get("base");
    if (base == null) {
      error(at, "input-base", "has no \"base\"; use one of " + InputSpec.BASES);
      return;
    }
    if (!base.isTextual() || !InputSpec.BASES.contains(base.asText())) {
      error(
          pointer("inputs", name, "base"),
          "input-base",
          base + " is not an input kind; use one of " + InputSpec.BASES);
      return;
    }
    JsonNode description = input.get("description");
    if (description != null && !description.isTextual()) {
      error(pointer("inputs", name, "description"), "input-key-type", "must be a string");
    }
    switch (base.asText()) {
      case InputSpec.FILE -> checkFileInput(name, input);
      case InputSpec.CONTEXT -> onlyKeys(name, input, InputSpec.CONTEXT_KEYS);
      default -> {
        onlyKeys(name, input, InputSpec.API_KEY_KEYS);
        JsonNode readOnly = input.get("read-only");
        if (readOnly != null && !readOnly.isBoolean()) {
          error(pointer("inputs", name, "read-only"), "input-key-type", "must be true or false");
        }
      }
    }
  }

  private void checkFileInput(String name, JsonNode input) {
    JsonNode optional = input.get("optional");
    if (optional != null && !optional.isBoolean()) {
      error(pointer("inputs", name, "optional"), "input-key-type", "must be true or false");
    }
    input
        .fields()
        .forEachRemaining(
            e -> {
              if (InputSpec.FILE_KEYS.contains(e.getKey())) {
                return;
              }
              for (JsonSchemas.SchemaIssue issue : JsonSchemas.schemaIssues(e.getValue())) {
                error(
                    pointer(pointer("inputs", name, e.getKey()), issue.path()),
                    "input-directive-schema",
                    "a file-input directive is a draft-04 schema for the file's \""
                        + e.getKey()
                        + "\" field"
                        + (issue.path().isEmpty() ? " (such as {\"enum\": [...]})" : "")
                        + ": "
                        + issue.message());
              }
            });
  }

  private void onlyKeys(String name, JsonNode input, Set<String> allowed) {
    String kind = input.get("base").asText();
    input
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!allowed.contains(key)) {
                error(
                    pointer("inputs", name, key),
                    "input-key-not-allowed",
                    "an input of base \""
                        + kind
                        + "\" may only have "
                        + allowed.stream().sorted().toList()
                        + (key.equals("optional") ? "; only file inputs can be optional" : ""));
              }
            });
  }

  private void error(String pointer, String rule, String message) {
    problems.add(doc.error(pointer, rule, message));
  }

  private static String allKeys() {
    List<String> keys = new ArrayList<>(REQUIRED_KEYS);
    keys.addAll(OPTIONAL_KEYS);
    return String.join(", ", keys.stream().sorted().toList());
  }

  /** A JSON pointer from keys, escaping '~' and '/' in them. */
  static String pointer(String... segments) {
    StringBuilder pointer = new StringBuilder();
    for (String segment : segments) {
      pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  private static String pointer(String base, List<String> segments) {
    return base + pointer(segments.toArray(String[]::new));
  }
}
