package fwgear.context;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.engine.GearExecutionException;
import fwgear.flywheel.ApiKey;
import fwgear.flywheel.ClientOptions;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.FlywheelClients;
import fwgear.json.LocatedDocument;
import fwgear.logging.GearLogging;
import fwgear.logging.Secrets;
import fwgear.manifest.InputSpec;
import fwgear.manifest.Manifest;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a gear knows about its job: the manifest, the config, the inputs, the destination, the
 * API key, and the {@code output/} and {@code work/} folders. The Java counterpart of Flywheel's
 * {@code GearToolkitContext}.
 *
 * <p>Opening it reads {@code manifest.json} and {@code config.json} from the base folder ({@code
 * /flywheel/v0}, or {@code $FLYWHEEL}, or {@code --gear-path}), applies the command line, and
 * checks the result against the manifest: every problem is reported at once, as an {@link
 * InvalidInputException}, before the gear's own code runs. Values take precedence in this order,
 * lowest first: the manifest's defaults, config.json, the command line.
 *
 * <p>Closing it after {@link #succeeded()} writes {@code output/.metadata.json}; closing it without
 * (the gear failed) writes nothing, and empties {@code output/} only when the context was built
 * with {@link Builder#cleanOutputOnFailure(boolean)}.
 *
 * <pre>{@code
 * try (GearContext context = GearContext.open(args)) {
 *   context.initLogging();
 *   context.logConfig();
 *   ProjectConfig config = context.config(ProjectConfig.class);
 *   ...
 *   context.succeeded();
 * }
 * }</pre>
 *
 * (The {@link fwgear.engine.GearEngine} does this for a gear.)
 */
public final class GearContext implements AutoCloseable {
  public static final Path DEFAULT_BASE = Path.of("/flywheel/v0");

  /** The environment variable that names the base folder (as set by local-run tools). */
  public static final String BASE_VARIABLE = "FLYWHEEL";

  private static final Logger log = LoggerFactory.getLogger(GearContext.class);
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|secret|password|token)$");

  /** The mapper that binds config values, made on first use (not at every gear's start). */
  private static final class Binder {
    static final ObjectMapper BINDER =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
  }

  private final Path baseDir;
  private final Manifest manifest;
  private final Invocation invocation;
  private final Optional<Path> configPath;
  private final boolean debugArgument;
  private final boolean cleanOutputOnFailure;
  private final Map<String, String> environment;
  private final ClientOptions clientOptions;
  private FlywheelClient client;
  private Metadata metadata;
  private boolean succeeded;
  private boolean closed;

  private GearContext(
      Path baseDir,
      Manifest manifest,
      Invocation invocation,
      Optional<Path> configPath,
      boolean debugArgument,
      boolean cleanOutputOnFailure,
      Map<String, String> environment,
      ClientOptions clientOptions) {
    this.baseDir = baseDir;
    this.environment = environment;
    this.clientOptions = clientOptions;
    this.manifest = manifest;
    this.invocation = invocation;
    this.configPath = configPath;
    this.debugArgument = debugArgument;
    this.cleanOutputOnFailure = cleanOutputOnFailure;
  }

  /**
   * Opens the context of this process: base folder from {@code --gear-path}, {@code $FLYWHEEL} or
   * {@code /flywheel/v0}, with the gear's command-line arguments.
   *
   * @throws InvalidInputException with every problem of the manifest, config.json and arguments
   */
  public static GearContext open(String... args) {
    return builder().args(args).open();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where the context's files are, and how it behaves; anything unset has its default. */
  public static final class Builder {
    private Path baseDir;
    private Path configPath;
    private Path manifestPath;
    private String[] args = new String[0];
    private Map<String, String> environment = System.getenv();
    private boolean cleanOutputOnFailure;
    private ClientOptions clientOptions = ClientOptions.defaults();

    private Builder() {}

    /** The base folder; wins over {@code --gear-path} and {@code $FLYWHEEL}. */
    public Builder baseDir(Path dir) {
      this.baseDir = dir;
      return this;
    }

    /** config.json; wins over {@code --config-path}. */
    public Builder configPath(Path file) {
      this.configPath = file;
      return this;
    }

    /** manifest.json; wins over {@code --manifest-path}. */
    public Builder manifestPath(Path file) {
      this.manifestPath = file;
      return this;
    }

    /** The gear's command-line arguments (see {@link GearArguments}). */
    public Builder args(String... args) {
      this.args = args.clone();
      return this;
    }

    /** The environment to read FLYWHEEL, API-key and AWS variables from (default: the process'). */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** Empty {@code output/} when the gear fails (default false: keep what it wrote). */
    public Builder cleanOutputOnFailure(boolean clean) {
      this.cleanOutputOnFailure = clean;
      return this;
    }

    /** How {@link GearContext#client()} talks to Flywheel (retries, timeouts). */
    public Builder clientOptions(ClientOptions options) {
      this.clientOptions = options;
      return this;
    }

    /**
     * Reads and checks everything.
     *
     * @throws InvalidInputException with every problem found
     */
    public GearContext open() {
      GearArguments arguments = GearArguments.parse(args);
      Path base =
          Optional.ofNullable(baseDir)
              .or(arguments::gearPath)
              .or(() -> Optional.ofNullable(environment.get(BASE_VARIABLE)).map(Path::of))
              .orElse(DEFAULT_BASE)
              .toAbsolutePath()
              .normalize();
      Path manifestFile =
          Optional.ofNullable(manifestPath)
              .or(arguments::manifestPath)
              .orElse(base.resolve("manifest.json"));
      Optional<Path> explicitConfig = Optional.ofNullable(configPath).or(arguments::configPath);
      Path configFile = explicitConfig.orElse(base.resolve("config.json"));

      Manifest manifest;
      try {
        manifest = ValidatedManifest.load(manifestFile);
      } catch (InvalidInputException e) {
        // The arguments' own problems are worth knowing in the same round.
        throw new InvalidInputException(concat(e.problems(), arguments.problems()));
      }
      Optional<LocatedDocument> config = Optional.empty();
      if (explicitConfig.isPresent() || Files.exists(configFile)) {
        config = Optional.of(LocatedDocument.readJson(configFile, configFile.toString()));
      }
      Invocation invocation = Invocation.resolve(manifest, config, arguments, environment, base);
      InvalidInputException.throwIfErrors(invocation.problems());
      invocation
          .apiKey()
          .ifPresent(
              key -> {
                Secrets.register(key.secret());
                Secrets.register(key.reveal());
              });
      return new GearContext(
          base,
          manifest,
          invocation,
          config.isPresent() ? Optional.of(configFile) : Optional.empty(),
          arguments.debug(),
          cleanOutputOnFailure,
          environment,
          clientOptions);
    }

    private static List<Problem> concat(List<Problem> a, List<Problem> b) {
      return Stream.concat(a.stream(), b.stream()).toList();
    }
  }

  public Path baseDir() {
    return baseDir;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The config.json that was read, if there was one. */
  public Optional<Path> configPath() {
    return configPath;
  }

  /** {@code debug} is true in the config, or {@code --debug} was given. */
  public boolean debug() {
    return debugArgument || invocation.config().path("debug").asBoolean(false);
  }

  // ---- config

  /** The whole config after defaults and overrides (a copy). */
  public ObjectNode configJson() {
    return invocation.config().deepCopy();
  }

  /** One config value as JSON, when present. */
  public Optional<JsonNode> configValue(String name) {
    return Optional.ofNullable(invocation.config().get(name)).filter(v -> !v.isNull());
  }

  /**
   * One config value converted to a Java type ({@code String.class}, {@code Integer.class}, {@code
   * List.class}, a record...), when present.
   *
   * @throws IllegalArgumentException when the value cannot be converted
   */
  public <T> Optional<T> config(String name, Class<T> type) {
    return configValue(name).map(value -> convert(name, value, type));
  }

  /**
   * A config value that the gear cannot do without.
   *
   * @throws IllegalArgumentException naming the key when it is absent
   */
  public <T> T requireConfig(String name, Class<T> type) {
    return config(name, type)
        .orElseThrow(() -> new IllegalArgumentException("config \"" + name + "\" has no value"));
  }

  /** A boolean config flag such as {@code dry_run}; false when absent. */
  public boolean flag(String name) {
    return configValue(name).map(JsonNode::asBoolean).orElse(false);
  }

  /**
   * The whole config bound to a record (or bean): config keys in snake_case map to camelCase
   * components ({@code admin_group} to {@code adminGroup}); {@code @JsonProperty} overrides; keys
   * the record does not name are ignored.
   *
   * @throws InvalidInputException naming the key whose value does not fit the record
   */
  public <R> R config(Class<R> recordType) {
    try {
      return Binder.BINDER.treeToValue(invocation.config(), recordType);
    } catch (IOException | IllegalArgumentException e) {
      String where =
          e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
              ? mapping.getPath().stream()
                  .map(ref -> ref.getFieldName() == null ? "" : ref.getFieldName())
                  .reduce((a, b) -> a + "." + b)
                  .orElse("")
              : "";
      throw new InvalidInputException(
          Problem.error(
              configPath.map(Path::toString).orElse(GearArguments.SOURCE),
              0,
              where,
              "config-binding",
              "the config does not fit "
                  + recordType.getSimpleName()
                  + ": "
                  + firstLine(e.getMessage())));
    }
  }

  private static <T> T convert(String name, JsonNode value, Class<T> type) {
    try {
      return Binder.BINDER.treeToValue(value, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "config \""
              + name
              + "\" is not a "
              + type.getSimpleName()
              + ": "
              + firstLine(e.getMessage()),
          e);
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  // ---- inputs

  /** An input as config.json has it (after command-line overrides), when present. */
  public Optional<JsonNode> input(String name) {
    return Optional.ofNullable(invocation.inputs().get(name));
  }

  /**
   * A file input, when present (an optional input may be absent).
   *
   * @throws IllegalArgumentException when the input exists but is not a file input
   */
  public Optional<InputFile> inputFile(String name) {
    return input(name)
        .map(
            input -> {
              if (!input.path("base").asText().equals(InputSpec.FILE)) {
                throw new IllegalArgumentException(
                    "input \""
                        + name
                        + "\" is a "
                        + input.path("base").asText()
                        + " input, not a file");
              }
              JsonNode hierarchy = input.path("hierarchy");
              Optional<ContainerRef> parent =
                  hierarchy.path("type").isTextual() && hierarchy.path("id").isTextual()
                      ? Optional.of(
                          new ContainerRef(
                              hierarchy.get("type").asText(), hierarchy.get("id").asText()))
                      : Optional.empty();
              Path path = Path.of(input.path("location").path("path").asText());
              String filename =
                  input.path("location").path("name").asText(path.getFileName().toString());
              return new InputFile(name, path, filename, input.path("object"), parent);
            });
  }

  public Optional<Path> inputPath(String name) {
    return inputFile(name).map(InputFile::path);
  }

  public Optional<String> inputFilename(String name) {
    return inputFile(name).map(InputFile::filename);
  }

  /**
   * Opens a file input.
   *
   * @throws IllegalArgumentException when the job has no such file input
   */
  public InputStream openInput(String name) throws IOException {
    return inputFile(name)
        .orElseThrow(() -> new IllegalArgumentException("the job has no input \"" + name + "\""))
        .open();
  }

  /**
   * The value of a context input, when Flywheel found one.
   *
   * @throws IllegalArgumentException when the input exists but is not a context input
   */
  public Optional<JsonNode> contextValue(String name) {
    return input(name)
        .flatMap(
            input -> {
              if (!input.path("base").asText().equals(InputSpec.CONTEXT)) {
                throw new IllegalArgumentException(
                    "input \""
                        + name
                        + "\" is a "
                        + input.path("base").asText()
                        + " input, not a context value");
              }
              return input.path("found").asBoolean(false)
                  ? Optional.ofNullable(input.get("value"))
                  : Optional.empty();
            });
  }

  /** The job's API key (the api-key input), when there is one. Its toString hides the secret. */
  public Optional<ApiKey> apiKey() {
    return invocation.apiKey();
  }

  /**
   * The Flywheel client the gear acts with, made on first use: the gear bot's when config {@code
   * apikey_path_prefix} is set, else the user's from the api-key input. The choice is made in one
   * place, {@link FlywheelClients#forContext(GearContext)}, which documents it.
   *
   * @throws GearExecutionException when there is no api-key input or the gear-bot key is unusable
   */
  public FlywheelClient client() throws GearExecutionException {
    if (client == null) {
      client = FlywheelClients.forContext(this);
    }
    return client;
  }

  /** The environment the context was opened with (the process' unless the builder set one). */
  public Map<String, String> environment() {
    return environment;
  }

  /** The options {@link #client()} connects with. */
  public ClientOptions clientOptions() {
    return clientOptions;
  }

  /** The container the gear writes to, when config.json or --destination gives one. */
  public Optional<ContainerRef> destination() {
    return invocation.destination();
  }

  /** config.json's {@code job.id}, when the manifest asks Flywheel to show it. */
  public Optional<String> jobId() {
    JsonNode id = invocation.job().path("id");
    return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
  }

  // ---- folders

  /** {@code output/} under the base folder, made when first asked for. */
  public Path outputDir() {
    return folder("output");
  }

  /** {@code work/} under the base folder (scratch space), made when first asked for. */
  public Path workDir() {
    return folder("work");
  }

  /** Opens {@code output/<name>} for writing (replacing it). */
  public OutputStream openOutput(String name) throws IOException {
    return Files.newOutputStream(outputDir().resolve(name));
  }

  private Path folder(String name) {
    Path dir = baseDir.resolve(name);
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + dir + ": " + e.getMessage(), e);
    }
  }

  // ---- metadata

  /** The {@code .metadata.json} the gear builds up; written by {@link #close()} on success. */
  public Metadata metadata() {
    if (metadata == null) {
      Map<String, String> files = new LinkedHashMap<>();
      manifest.inputs().values().stream()
          .filter(InputSpec::isFile)
          .forEach(spec -> inputFilename(spec.name()).ifPresent(f -> files.put(spec.name(), f)));
      metadata =
          new Metadata(
              manifest.name(),
              manifest.version(),
              destination(),
              jobId(),
              invocation.config().deepCopy(),
              files);
    }
    return metadata;
  }

  // ---- logging

  /**
   * Logs at INFO, or DEBUG when config {@code debug} is true, in the Flywheel toolkit's format;
   * then logs the manifest's warnings, if any.
   */
  public void initLogging() {
    GearLogging.configure(debug());
    log.info("Log level is {}", debug() ? "DEBUG" : "INFO");
    manifest.warnings().forEach(warning -> log.warn("{}", warning.format()));
  }

  /**
   * Logs the destination, each file input and each config value; never an API key (api-key inputs
   * are not listed, and a config key named like a secret shows {@code ****}).
   */
  public void logConfig() {
    log.info("Destination is {}", destination().map(Object::toString).orElse("not set"));
    for (InputSpec spec : manifest.inputs().values()) {
      if (spec.isFile()) {
        inputFile(spec.name())
            .ifPresent(
                file ->
                    log.info(
                        "Input file \"{}\" is {}{}",
                        spec.name(),
                        file.filename(),
                        file.hierarchy().map(h -> " from " + h).orElse("")));
      }
    }
    invocation
        .config()
        .fields()
        .forEachRemaining(
            e ->
                log.info(
                    "Config \"{}={}\"",
                    e.getKey(),
                    SECRET_NAME.matcher(e.getKey()).matches() ? "****" : text(e.getValue())));
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  // ---- lifecycle

  /** Marks the gear's work as done: {@link #close()} then writes the metadata. */
  public void succeeded() {
    succeeded = true;
  }

  /**
   * Ends the job: after {@link #succeeded()}, checks and writes {@code .metadata.json}; otherwise
   * writes nothing and, when asked at build time, empties {@code output/}.
   *
   * @throws InvalidMetadataException when the gear built metadata Flywheel would refuse
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (succeeded) {
      recordZipMemberCounts();
      if (metadata != null && !metadata.isEmpty()) {
        metadata.write(outputDir()).ifPresent(file -> log.debug("Wrote {}", file));
      }
      return;
    }
    Path output = baseDir.resolve("output");
    if (cleanOutputOnFailure && Files.isDirectory(output)) {
      log.info("Cleaning output folder.");
      emptyFolder(output);
    } else {
      log.debug("Skipping cleanup of {}", output);
    }
  }

  /** As Flywheel's toolkit does: each zip in output/ gets its {@code zip_member_count}. */
  private void recordZipMemberCounts() {
    Path output = baseDir.resolve("output");
    if (destination().isEmpty() || !Files.isDirectory(output)) {
      return;
    }
    try (Stream<Path> files = Files.list(output)) {
      for (Path zip : files.filter(f -> f.getFileName().toString().endsWith(".zip")).toList()) {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
          metadata()
              .updateFile(zip.getFileName().toString(), Map.of("zip_member_count", archive.size()));
        } catch (IOException e) {
          log.warn("Cannot count the members of {}: {}", zip.getFileName(), e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + output + ": " + e.getMessage(), e);
    }
  }

  private static void emptyFolder(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(folder)) {
          Files.delete(path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + folder + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "GearContext[" + manifest.name() + " " + manifest.version() + " at " + baseDir + "]";
  }
}
