package fwgear.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gear's {@code manifest.json}, checked against every rule of the gear spec ({@link
 * ManifestValidator}) before it is built, so its accessors never meet a malformed value.
 */
public final class Manifest {
  private final LocatedDocument document;
  private final Map<String, ConfigDirective> config;
  private final Map<String, InputSpec> inputs;
  private final List<Problem> warnings;

  private Manifest(LocatedDocument document, List<Problem> warnings) {
    this.document = document;
    this.warnings = List.copyOf(warnings);
    Map<String, ConfigDirective> directives = new LinkedHashMap<>();
    document
        .root()
        .path("config")
        .fields()
        .forEachRemaining(
            e -> directives.put(e.getKey(), new ConfigDirective(e.getKey(), e.getValue())));
    this.config = Collections.unmodifiableMap(directives);
    Map<String, InputSpec> specs = new LinkedHashMap<>();
    document
        .root()
        .path("inputs")
        .fields()
        .forEachRemaining(e -> specs.put(e.getKey(), InputSpec.of(e.getKey(), e.getValue())));
    this.inputs = Collections.unmodifiableMap(specs);
  }

  /**
   * Reads and checks a manifest file, shown in messages by its path.
   *
   * @throws InvalidInputException with every error (and the warnings) when the file is missing, is
   *     not JSON, or breaks a rule
   */
  public static Manifest load(Path file) {
    return load(file, file.toString());
  }

  /** As {@link #load(Path)}, naming the file {@code displayName} in problems. */
  public static Manifest load(Path file, String displayName) {
    return from(LocatedDocument.readJson(file, displayName));
  }

  /**
   * Checks a parsed manifest.
   *
   * @throws InvalidInputException when it breaks a rule (warnings alone do not throw)
   */
  public static Manifest from(LocatedDocument document) {
    List<Problem> problems = ManifestValidator.validate(document);
    InvalidInputException.throwIfErrors(problems);
    return new Manifest(document, problems);
  }

  /**
   * {@link #from} for a manifest known to satisfy the spec's schema (see {@link
   * ManifestValidator#validateSchemaChecked}).
   */
  public static Manifest fromSchemaChecked(LocatedDocument document) {
    List<Problem> problems = ManifestValidator.validateSchemaChecked(document);
    InvalidInputException.throwIfErrors(problems);
    return new Manifest(document, problems);
  }

  public LocatedDocument document() {
    return document;
  }

  /** The warnings the validator found (errors make {@link #from} throw instead). */
  public List<Problem> warnings() {
    return warnings;
  }

  public String name() {
    return text("name");
  }

  public String label() {
    return text("label");
  }

  public String version() {
    return text("version");
  }

  public String description() {
    return text("description");
  }

  public String author() {
    return text("author");
  }

  public String license() {
    return text("license");
  }

  public String url() {
    return text("url");
  }

  public String source() {
    return text("source");
  }

  /** The command that replaces {@code /flywheel/v0/run}, when the manifest has one. */
  public Optional<String> command() {
    return Optional.ofNullable(document.root().get("command")).map(JsonNode::asText);
  }

  /** The environment variables the gear runs with, in manifest order. */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    document
        .root()
        .path("environment")
        .fields()
        .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(environment);
  }

  public List<String> capabilities() {
    List<String> capabilities = new ArrayList<>();
    document.root().path("capabilities").forEach(c -> capabilities.add(c.asText()));
    return List.copyOf(capabilities);
  }

  /** The config directives by key, in manifest order. */
  public Map<String, ConfigDirective> config() {
    return config;
  }

  /** The inputs by key, in manifest order. */
  public Map<String, InputSpec> inputs() {
    return inputs;
  }

  /** The {@code custom} object (empty object node when absent). */
  public JsonNode custom() {
    return document.root().path("custom");
  }

  /** {@code custom.gear-builder.image}: the image (repository/name:tag) the gear is built as. */
  public Optional<String> gearBuilderImage() {
    return value("custom.gear-builder.image").filter(JsonNode::isTextual).map(JsonNode::asText);
  }

  /**
   * The value at a dotted path such as {@code custom.gear-builder.image}, when present (the
   * toolkit's {@code get_value}).
   */
  public Optional<JsonNode> value(String dottedPath) {
    JsonNode node = document.at(dottedPath);
    return node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }

  private String text(String key) {
    return document.root().path(key).asText();
  }

  @Override
  public String toString() {
    return "Manifest[" + name() + " " + version() + "]";
  }
}
