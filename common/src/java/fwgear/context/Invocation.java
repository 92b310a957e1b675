package fwgear.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.flywheel.ApiKey;
import fwgear.json.LocatedDocument;
import fwgear.manifest.ConfigDirective;
import fwgear.manifest.InputSpec;
import fwgear.manifest.JsonSchemas;
import fwgear.manifest.Manifest;
import fwgear.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a gear runs with: the manifest's defaults, overridden by config.json, overridden by the
 * command line, and checked against the manifest's config directives and inputs. Every problem is
 * collected, each located in the file (or the command line) the value came from.
 */
public final class Invocation {
  /** The environment variable an API key is taken from when nothing else gives one. */
  public static final String API_KEY_VARIABLE = "FW_API_KEY";

  /** The base folder every path in a Flywheel config.json starts with. */
  static final String FLYWHEEL_BASE = "/flywheel/v0/";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Manifest manifest;
  private final Optional<LocatedDocument> configFile;
  private final GearArguments arguments;
  private final Map<String, String> environment;
  private final Path baseDir;

  private final ObjectNode config = NODES.objectNode();
  private final ObjectNode inputs = NODES.objectNode();
  private final Map<String, Source> configSources = new LinkedHashMap<>();
  private final Map<String, Source> inputSources = new LinkedHashMap<>();
  private ContainerRef destination;
  private ApiKey apiKey;
  private JsonNode job = NODES.missingNode();
  private final List<Problem> problems = new ArrayList<>();

  /** Where a value came from, to locate a problem with it. */
  private record Source(Optional<LocatedDocument> document, String pointer, String argument) {
    static Source file(LocatedDocument document, String pointer) {
      return new Source(Optional.of(document), pointer, "");
    }

    static Source commandLine(String argument) {
      return new Source(Optional.empty(), "", argument);
    }

    Problem error(String rule, String message) {
      return error(rule, List.of(), message);
    }

    /** A problem about a part of the value: an item or property {@code below} it. */
    Problem error(String rule, List<String> below, String message) {
      StringBuilder subPointer = new StringBuilder();
      below.forEach(segment -> subPointer.append('/').append(escape(segment)));
      String dotted = below.isEmpty() ? "" : "." + String.join(".", below);
      return document
          .map(d -> d.error(pointer + subPointer, rule, message))
          .orElseGet(
              () -> Problem.error(GearArguments.SOURCE, 0, argument + dotted, rule, message));
    }
  }

  private Invocation(
      Manifest manifest,
      Optional<LocatedDocument> configFile,
      GearArguments arguments,
      Map<String, String> environment,
      Path baseDir) {
    this.manifest = manifest;
    this.configFile = configFile;
    this.arguments = arguments;
    this.environment = environment;
    this.baseDir = baseDir;
  }

  /**
   * Merges and checks.
   *
   * @param configFile config.json, when there is one
   * @param environment the process environment (for API keys)
   * @param baseDir the gear's base folder; config.json paths under /flywheel/v0 are read under it
   */
  public static Invocation resolve(
      Manifest manifest,
      Optional<LocatedDocument> configFile,
      GearArguments arguments,
      Map<String, String> environment,
      Path baseDir) {
    Invocation invocation = new Invocation(manifest, configFile, arguments, environment, baseDir);
    invocation.problems.addAll(arguments.problems());
    invocation.applyDefaults();
    configFile.ifPresent(invocation::applyConfigFile);
    invocation.applyArguments();
    invocation.applyApiKey();
    invocation.checkConfig();
    invocation.checkInputs();
    return invocation;
  }

  public ObjectNode config() {
    return config;
  }

  public ObjectNode inputs() {
    return inputs;
  }

  public Optional<ContainerRef> destination() {
    return Optional.ofNullable(destination);
  }

  public Optional<ApiKey> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** config.json's {@code job} (present when the manifest sets custom.flywheel.show-job). */
  public JsonNode job() {
    return job;
  }

  /** Every problem: the command line's first, then each file's in line order. */
  public List<Problem> problems() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(PROBLEM_ORDER);
    return List.copyOf(sorted);
  }

  /**
   * The order of {@link #problems()}. A class, not {@code Comparator.comparing(...)} chains: their
   * lambdas are made at run time, which costs a gear's start (with bad input, before its first log
   * line) several milliseconds.
   */
  private static final Comparator<Problem> PROBLEM_ORDER =
      new Comparator<>() {
        @Override
        public int compare(Problem a, Problem b) {
          int source =
              Boolean.compare(
                  !a.file().equals(GearArguments.SOURCE), !b.file().equals(GearArguments.SOURCE));
          if (source != 0) {
            return source;
          }
          int file = a.file().compareTo(b.file());
          return file != 0 ? file : Integer.compare(a.line(), b.line());
        }
      };

  private void applyDefaults() {
    manifest
        .config()
        .forEach(
            (name, directive) ->
                directive
                    .defaultValue()
                    .ifPresent(
                        value -> {
                          config.set(name, value.deepCopy());
                          configSources.put(
                              name,
                              Source.file(
                                  manifest.document(), "/config/" + escape(name) + "/default"));
                        }));
  }

  private void applyConfigFile(LocatedDocument file) {
    problems.addAll(file.duplicateKeys());
    JsonNode root = file.root();
    if (!root.isObject()) {
      problems.add(
          file.error(
              "",
              "config-json-shape",
              "config.json is a JSON object with config, inputs and destination"));
      return;
    }
    JsonNode values = root.path("config");
    if (!values.isMissingNode() && !values.isObject()) {
      problems.add(file.error("/config", "config-json-shape", "\"config\" must be an object"));
    } else {
      values
          .fields()
          .forEachRemaining(
              e -> {
                config.set(e.getKey(), e.getValue());
                configSources.put(e.getKey(), Source.file(file, "/config/" + escape(e.getKey())));
              });
    }
    JsonNode given = root.path("inputs");
    if (!given.isMissingNode() && !given.isObject()) {
      problems.add(file.error("/inputs", "config-json-shape", "\"inputs\" must be an object"));
    } else {
      given
          .fields()
          .forEachRemaining(
              e -> {
                inputs.set(e.getKey(), e.getValue().deepCopy());
                inputSources.put(e.getKey(), Source.file(file, "/inputs/" + escape(e.getKey())));
              });
    }
    JsonNode target = root.path("destination");
    if (!target.isMissingNode()) {
      if (target.path("id").isTextual() && target.path("type").isTextual()) {
        destination = new ContainerRef(target.get("type").asText(), target.get("id").asText());
      } else if (!(target.isObject() && target.isEmpty())) {
        problems.add(
            file.error(
                "/destination",
                "config-json-shape",
                "\"destination\" is an object with a string \"type\" and \"id\""));
      }
    }
    job = root.path("job");
  }

  private void applyArguments() {
    arguments
        .destination()
        .ifPresent(
            text -> {
              try {
                destination = ContainerRef.parse(text);
              } catch (IllegalArgumentException e) {
                problems.add(
                    Problem.error(
                        GearArguments.SOURCE,
                        0,
                        "--destination",
                        "argument-destination",
                        e.getMessage()));
              }
            });
    for (GearArguments.Assignment assignment : arguments.assignments()) {
      String name = assignment.name();
      Source source = Source.commandLine(name);
      ConfigDirective directive = manifest.config().get(name);
      InputSpec input = manifest.inputs().get(name);
      if (directive != null) {
        try {
          config.set(name, directive.parse(assignment.value()));
          configSources.put(name, source);
        } catch (IllegalArgumentException e) {
          problems.add(source.error("argument-value", e.getMessage()));
        }
      } else if (input != null && input.isFile()) {
        Path file = Path.of(assignment.value()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
          problems.add(
              source.error(
                  "argument-input-file",
                  "file input \"" + name + "\": no such file " + assignment.value()));
        } else {
          inputs.set(name, fileInput(file));
          inputSources.put(name, source);
        }
      } else if (input != null && input.isApiKey()) {
        problems.add(
            source.error(
                "argument-api-key",
                "an API key is never given as an argument (others can see it); use --api-key-file"
                    + " FILE or the "
                    + API_KEY_VARIABLE
                    + " environment variable (the value is not shown)"));
      } else if (input != null) {
        problems.add(
            source.error(
                "argument-unknown-name",
                "\""
                    + name
                    + "\" is a context input; its value comes from Flywheel, not the command line"));
      } else {
        problems.add(
            source.error(
                "argument-unknown-name",
                "\""
                    + name
                    + "\" is neither a config key nor a file input of the manifest "
                    + manifest.name()
                    + " (config: "
                    + String.join(", ", manifest.config().keySet())
                    + "; inputs: "
                    + String.join(", ", manifest.inputs().keySet())
                    + ")"));
      }
    }
  }

  private static ObjectNode fileInput(Path file) {
    ObjectNode input = NODES.objectNode();
    input.put("base", InputSpec.FILE);
    ObjectNode location = input.putObject("location");
    location.put("path", file.toString());
    location.put("name", file.getFileName().toString());
    ObjectNode object = input.putObject("object");
    object.putObject("info");
    object.put("mimetype", "application/octet-stream");
    object.putArray("tags");
    try {
      object.put("size", Files.size(file));
    } catch (IOException e) {
      object.put("size", 0);
    }
    return input;
  }

  /**
   * The key, highest precedence first: --api-key-file, --api-key-env, config.json's api-key input,
   * the FW_API_KEY environment variable. It is stored in the manifest's api-key input.
   */
  private void applyApiKey() {
    String inputName =
        manifest.inputs().values().stream()
            .filter(InputSpec::isApiKey)
            .map(InputSpec::name)
            .findFirst()
            .orElse(InputSpec.API_KEY);
    Optional<String> fromArguments = keyFromArguments();
    if (fromArguments.isPresent()) {
      setKey(inputName, fromArguments.get(), Source.commandLine("--api-key"));
      return;
    }
    for (Map.Entry<String, Source> given : inputSources.entrySet()) {
      JsonNode input = inputs.get(given.getKey());
      if (input.path("base").asText().equals(InputSpec.API_KEY) && input.path("key").isTextual()) {
        parseKey(input.get("key").asText(), given.getValue());
        return;
      }
    }
    String variable = environment.get(API_KEY_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      setKey(inputName, variable, Source.commandLine(API_KEY_VARIABLE));
    }
  }

  private Optional<String> keyFromArguments() {
    if (arguments.apiKeyFile().isPresent()) {
      Path file = arguments.apiKeyFile().get();
      try {
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        problems.add(
            Problem.error(
                GearArguments.SOURCE,
                0,
                "--api-key-file",
                "argument-api-key",
                "cannot read the API key file " + file));
        return Optional.empty();
      }
    }
    if (arguments.apiKeyEnv().isPresent()) {
      String name = arguments.apiKeyEnv().get();
      String value = environment.get(name);
      if (value == null || value.isBlank()) {
        problems.add(
            Problem.error(
                GearArguments.SOURCE,
                0,
                "--api-key-env",
                "argument-api-key",
                "the environment variable " + name + " is not set"));
        return Optional.empty();
      }
      return Optional.of(value.strip());
    }
    return Optional.empty();
  }

  private void setKey(String inputName, String key, Source source) {
    ObjectNode input = NODES.objectNode();
    input.put("base", InputSpec.API_KEY);
    input.put("key", key);
    inputs.set(inputName, input);
    inputSources.put(inputName, source);
    parseKey(key, source);
  }

  private void parseKey(String key, Source source) {
    try {
      apiKey = ApiKey.parse(key);
    } catch (IllegalArgumentException e) {
      problems.add(source.error("api-key-invalid", e.getMessage()));
    }
  }

  private void checkConfig() {
    manifest
        .config()
        .forEach(
            (name, directive) -> {
              JsonNode value = config.get(name);
              if (value == null) {
                if (!directive.optional()) {
                  problems.add(
                      whereConfigBelongs(name)
                          .error(
                              "config-required",
                              "\""
                                  + name
                                  + "\" is required: the manifest gives it no default and does"
                                  + " not mark it optional"));
                }
                return;
              }
              for (JsonSchemas.Violation violation : directive.violations(value)) {
                problems.add(
                    configSources
                        .get(name)
                        .error("config-value", violation.path(), violation.message()));
              }
            });
  }

  private Source whereConfigBelongs(String name) {
    return configFile
        .map(file -> Source.file(file, "/config/" + escape(name)))
        .orElseGet(() -> Source.commandLine(name));
  }

  private void checkInputs() {
    manifest.inputs().values().forEach(this::checkInput);
  }

  private void checkInput(InputSpec spec) {
    String name = spec.name();
    JsonNode input = inputs.get(name);
    Source source = inputSources.get(name);
    if (input == null) {
      // A context input Flywheel did not send reads as "not found": local runs cannot give one.
      if (!spec.optional() && !spec.isContext()) {
        Source where =
            configFile
                .map(file -> Source.file(file, "/inputs/" + escape(name)))
                .orElseGet(() -> Source.commandLine(name));
        problems.add(where.error("input-required", missingInputMessage(spec)));
      }
      return;
    }
    if (!input.isObject() || !input.path("base").asText().equals(spec.base())) {
      problems.add(
          source.error(
              "input-base",
              "input \"" + name + "\" must be an object with \"base\": \"" + spec.base() + "\""));
      return;
    }
    switch (spec.base()) {
      case InputSpec.FILE -> checkFileInput(spec, (ObjectNode) input, source);
      case InputSpec.CONTEXT -> {
        if (!input.path("found").isBoolean()) {
          problems.add(
              source.error(
                  "input-context",
                  "context input \"" + name + "\" needs \"found\" (true or false) and \"value\""));
        }
      }
      default -> {
        if (!input.path("key").isTextual()) {
          problems.add(
              source.error("input-api-key", "api-key input \"" + name + "\" has no \"key\""));
        }
      }
    }
  }

  private static String missingInputMessage(InputSpec spec) {
    return switch (spec.base()) {
      case InputSpec.API_KEY ->
          "the api-key input \""
              + spec.name()
              + "\" has no key: Flywheel provides it; locally set "
              + API_KEY_VARIABLE
              + " or use --api-key-file FILE";
      case InputSpec.CONTEXT ->
          "the context input \"" + spec.name() + "\" is missing (Flywheel provides it)";
      default ->
          "the file input \""
              + spec.name()
              + "\" is required (it is not optional); locally pass "
              + spec.name()
              + "=FILE";
    };
  }

  private void checkFileInput(InputSpec spec, ObjectNode input, Source source) {
    String name = spec.name();
    JsonNode path = input.path("location").path("path");
    if (!path.isTextual()) {
      problems.add(source.error("input-file", "file input \"" + name + "\" has no location.path"));
      return;
    }
    Path resolved = resolveInputPath(path.asText());
    if (!Files.isRegularFile(resolved)) {
      problems.add(
          source.error(
              "input-file-missing", "file input \"" + name + "\": no such file " + path.asText()));
    } else if (!resolved.toString().equals(path.asText())) {
      ((ObjectNode) input.get("location")).put("path", resolved.toString());
    }
    JsonNode object = input.path("object");
    spec.directives()
        .forEach(
            (field, directive) -> {
              JsonNode value = object.get(field);
              if (value == null) {
                return; // as in Flywheel's invocation schema: only present fields are checked
              }
              for (JsonSchemas.Violation violation : JsonSchemas.check(directive, value)) {
                problems.add(
                    source.error(
                        "input-directive",
                        prepend(List.of("object", field), violation.path()),
                        "the file's " + field + " " + violation.message()));
              }
            });
  }

  /**
   * Reads config.json's /flywheel/v0/... paths under the base folder when that differs, and
   * relative paths under the base folder.
   */
  private Path resolveInputPath(String text) {
    // Flywheel's paths are absolute; a relative one (a local config.json) is under the base folder.
    Path path = Path.of(text).isAbsolute() ? Path.of(text) : baseDir.resolve(text).normalize();
    if (!Files.exists(path) && text.startsWith(FLYWHEEL_BASE)) {
      return baseDir.resolve(text.substring(FLYWHEEL_BASE.length())).toAbsolutePath().normalize();
    }
    return path;
  }

  private static List<String> prepend(List<String> head, List<String> tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    return all;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
