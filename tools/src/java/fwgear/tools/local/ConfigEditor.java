package fwgear.tools.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fwgear.flywheel.ApiKey;
import fwgear.manifest.ConfigDirective;
import fwgear.manifest.InputSpec;
import fwgear.manifest.JsonSchemas;
import fwgear.manifest.Manifest;
import fwgear.problem.Problem;
import fwgear.tools.buildfile.Gear;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@code ./gear config} changes to a gear's invocation, checked against its manifest: a
 * change the manifest does not allow becomes a {@link Problem} naming the argument and the reason,
 * and leaves the invocation as it was.
 */
public final class ConfigEditor {
  static final String FILE = InputSpec.FILE;
  static final String API_KEY = InputSpec.API_KEY;
  static final String CONTEXT = InputSpec.CONTEXT;

  private final Gear gear;
  private final GearConfigFile invocation;
  private final Path workingDir;
  private final ApiKeySource keys;
  private final List<Problem> problems = new ArrayList<>();

  public ConfigEditor(Gear gear, GearConfigFile invocation, Path workingDir, ApiKeySource keys) {
    this.gear = gear;
    this.invocation = invocation;
    this.workingDir = workingDir;
    this.keys = keys;
  }

  /** An invocation holding every config default of the manifest, no inputs, no destination. */
  public static GearConfigFile defaults(Manifest manifest) {
    GearConfigFile invocation = GearConfigFile.empty();
    manifest
        .config()
        .forEach(
            (key, directive) ->
                directive
                    .defaultValue()
                    .ifPresent(value -> invocation.config().set(key, value.deepCopy())));
    return invocation;
  }

  public GearConfigFile invocation() {
    return invocation;
  }

  /** Every change refused so far. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** {@code -c key=value}: the value is typed by the key's directive (JSON for arrays). */
  public void setOption(String assignment) {
    String argument = "-c " + assignment;
    int equals = assignment.indexOf('=');
    if (equals <= 0) {
      refuse(argument, "", "config-syntax", "expected key=value");
      return;
    }
    String key = assignment.substring(0, equals);
    String text = assignment.substring(equals + 1);
    ConfigDirective directive = gear.manifest().config().get(key);
    if (directive == null) {
      refuse(
          argument,
          "config." + key,
          "config-unknown-key",
          "the manifest has no config key '" + key + "'" + known(gear.manifest().config()));
      return;
    }
    JsonNode value;
    try {
      value = directive.parse(text);
    } catch (IllegalArgumentException e) {
      refuse(argument, "config." + key, "config-type", key + ": " + e.getMessage());
      return;
    }
    List<String> reasons = directive.check(value);
    if (!reasons.isEmpty()) {
      refuse(argument, "config." + key, "config-value", key + ": " + String.join("; ", reasons));
      return;
    }
    invocation.config().set(key, value);
  }

  /**
   * {@code -i name=path} for a file input, {@code -i name} (environment or prompt) or {@code -i
   * name=keyfile} for an api-key input, {@code -i name=value} for a context input.
   */
  public void setInput(String assignment) {
    int equals = assignment.indexOf('=');
    String name = equals < 0 ? assignment : assignment.substring(0, equals);
    Optional<String> value =
        equals < 0 ? Optional.empty() : Optional.of(assignment.substring(equals + 1));
    InputSpec input = inputNamed(name);
    // A value for an api-key input, or for an input the manifest does not have (a misspelt
    // api_key), may be a key pasted by mistake: it is never shown.
    boolean secret = input == null || input.isApiKey();
    String argument = "-i " + name + value.map(v -> secret ? "=****" : "=" + v).orElse("");
    if (name.isEmpty()) {
      refuse(argument, "", "input-syntax", "expected name=path or, for an API key, name");
      return;
    }
    if (input == null) {
      refuse(
          argument,
          "inputs." + name,
          "input-unknown",
          "the manifest has no input '" + name + "'" + known(gear.manifest().inputs()));
      return;
    }
    switch (input.base()) {
      case FILE -> setFileInput(argument, input, value);
      case API_KEY -> setApiKey(argument, input, value);
      case CONTEXT -> setContextValue(argument, input, value);
      default ->
          refuse(
              argument,
              "inputs." + name,
              "input-base",
              "input '" + name + "' has base '" + input.base() + "', which cannot be set locally");
    }
  }

  private void setFileInput(String argument, InputSpec input, Optional<String> value) {
    String key = "inputs." + input.name();
    if (value.isEmpty() || value.get().isBlank()) {
      refuse(argument, key, "input-file", "file input '" + input.name() + "' needs =PATH");
      return;
    }
    Path file = workingDir.resolve(value.get()).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      refuse(argument, key, "input-file", "no such file: " + gear.display(file));
      return;
    }
    String fileName = file.getFileName().toString();
    Optional<String> type = FileTypes.choose(fileName, allowed(input, "type"));
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("base", FILE);
    ObjectNode location = entry.putObject("location");
    location.put("path", gear.display(file));
    location.put("name", fileName);
    ObjectNode object = entry.putObject("object");
    object.put("file_id", "");
    object.put("version", 1);
    type.ifPresentOrElse(t -> object.put("type", t), () -> object.putNull("type"));
    object.put("mimetype", "application/octet-stream");
    object.putNull("modality");
    object.putObject("classification");
    object.putArray("tags");
    object.putObject("info");
    object.put("size", size);
    List<String> reasons = fileObjectViolations(input, fileName, object);
    if (!reasons.isEmpty()) {
      refuse(argument, key, "input-file", String.join("; ", reasons));
      return;
    }
    invocation.inputs().set(input.name(), entry);
  }

  /** Why the file object does not satisfy the input's directives (name, type, size...). */
  private static List<String> fileObjectViolations(
      InputSpec input, String fileName, ObjectNode object) {
    List<String> reasons = new ArrayList<>();
    input
        .directives()
        .forEach(
            (field, schema) -> {
              JsonNode value =
                  field.equals("name") ? TextNode.valueOf(fileName) : object.get(field);
              if (value != null) {
                JsonSchemas.violations(schema, value)
                    .forEach(reason -> reasons.add("file " + field + ": " + reason));
              }
            });
    return reasons;
  }

  private void setApiKey(String argument, InputSpec input, Optional<String> keyFile) {
    ApiKey key;
    if (keyFile.isPresent()) {
      Path file = workingDir.resolve(keyFile.get()).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        refuse(
            argument,
            "inputs." + input.name(),
            "input-api-key",
            "-i "
                + input.name()
                + "=FILE reads the key from a file, and there is no such file (the value is not"
                + " shown); use "
                + ApiKeySource.ENV_VAR
                + " or the prompt instead of typing the key");
        return;
      }
      key = keys.fromFile(file);
    } else {
      key = keys.fromEnvironmentOrPrompt();
    }
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("base", API_KEY);
    entry.put("key", key.reveal());
    invocation.inputs().set(input.name(), entry);
  }

  private void setContextValue(String argument, InputSpec input, Optional<String> value) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("base", CONTEXT);
    entry.put("found", value.isPresent());
    value.ifPresent(text -> entry.set("value", jsonOrText(text)));
    invocation.inputs().set(input.name(), entry);
  }

  /**
   * {@code -d group/project} or {@code -d group}: a Flywheel path; {@code -d id:type}: a container
   * id and type, as the Flywheel toolkit's {@code --destination}.
   */
  public void setDestination(String text) {
    String argument = "-d " + text;
    ObjectNode destination = JsonNodeFactory.instance.objectNode();
    if (text.contains(":")) {
      String id = text.substring(0, text.indexOf(':'));
      String type = text.substring(text.indexOf(':') + 1);
      if (id.isEmpty() || !DESTINATION_TYPES.contains(type)) {
        refuse(
            argument,
            "destination",
            "destination",
            "expected group/project, group, or id:type with type one of " + DESTINATION_TYPES);
        return;
      }
      destination.put("type", type);
      destination.put("id", id);
    } else {
      String[] parts = text.split("/", -1);
      if (parts.length > 2 || List.of(parts).stream().anyMatch(String::isBlank)) {
        refuse(
            argument,
            "destination",
            "destination",
            "expected group/project, group, or id:type (a local run has no deeper containers)");
        return;
      }
      destination.put("type", parts.length == 1 ? "group" : "project");
      // A local run has no site to resolve the path to an id, so the path is the id.
      destination.put("id", text);
      destination.put("path", text);
    }
    invocation.root().set("destination", destination);
  }

  static final List<String> DESTINATION_TYPES =
      List.of("group", "project", "subject", "session", "acquisition", "analysis");

  /** The input of that name; {@code api_key} (fw-beta's spelling) also names an api-key input. */
  private InputSpec inputNamed(String name) {
    Map<String, InputSpec> inputs = gear.manifest().inputs();
    InputSpec input = inputs.get(name);
    if (input == null) {
      input = inputs.get(name.replace('_', '-'));
      if (input != null && !input.isApiKey()) {
        input = null;
      }
    }
    return input;
  }

  private static List<String> allowed(InputSpec input, String field) {
    List<String> allowed = new ArrayList<>();
    JsonNode directive = input.directives().get(field);
    if (directive != null) {
      directive.path("enum").forEach(node -> allowed.add(node.asText()));
    }
    return allowed;
  }

  private static JsonNode jsonOrText(String text) {
    try {
      return GearConfigFile.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }

  private static String known(Map<String, ?> keys) {
    return keys.isEmpty()
        ? " (it has none)"
        : " (it has: " + String.join(", ", keys.keySet()) + ")";
  }

  private void refuse(String argument, String key, String rule, String message) {
    problems.add(Problem.error(argument, 0, key, rule, message));
  }
}
