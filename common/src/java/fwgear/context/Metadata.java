package fwgear.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a gear asks Flywheel to change when it succeeds, written as {@code output/.metadata.json}:
 * container fields ({@code label}, {@code info}, {@code tags}...) of the destination and its
 * parents, and file entries ({@code name}, {@code type}, {@code info}, {@code tags}...) with QC
 * results.
 *
 * <p>Updates are checked as they are made (a container type outside the destination's hierarchy, a
 * bad QC state); the whole document is checked again before it is written ({@link #problems()}),
 * because a malformed file fails the Flywheel job after the gear's work is done.
 */
public final class Metadata {
  /** Top-level keys of .metadata.json: the container types Flywheel updates from it. */
  public static final List<String> CONTAINER_TYPES =
      List.of("project", "subject", "session", "acquisition", "analysis");

  public static final String FILE_NAME = ".metadata.json";

  /** Made on first use, when a gear writes metadata (not at its start). */
  private static final class Json {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String gearName;
  private final String gearVersion;
  private final Optional<ContainerRef> destination;
  private final Optional<String> jobId;
  private final JsonNode config;
  private final Map<String, String> inputFiles;
  private final ObjectNode document = NODES.objectNode();

  /**
   * @param inputFiles file input names to their file names (a file entry may name an input file)
   * @param config the job's config, recorded with QC results
   */
  public Metadata(
      String gearName,
      String gearVersion,
      Optional<ContainerRef> destination,
      Optional<String> jobId,
      JsonNode config,
      Map<String, String> inputFiles) {
    this.gearName = gearName;
    this.gearVersion = gearVersion;
    this.destination = destination;
    this.jobId = jobId;
    this.config = config;
    this.inputFiles = Map.copyOf(inputFiles);
  }

  /**
   * Merges fields into a container: nested objects are merged key by key, other values replace.
   *
   * @throws IllegalArgumentException when the type is not a container type, or is below the
   *     destination (only the destination and its parents can be updated this way)
   */
  public Metadata updateContainer(String containerType, Map<String, ?> fields) {
    checkContainerType(containerType);
    merge(container(containerType), clean(Json.JSON.valueToTree(fields)));
    return this;
  }

  /** Merges fields into the destination container. */
  public Metadata updateDestination(Map<String, ?> fields) {
    return updateContainer(destinationType(), fields);
  }

  /** Adds tags to a container (each once). */
  public Metadata addTags(String containerType, String... tags) {
    checkContainerType(containerType);
    addTags(container(containerType), tags);
    return this;
  }

  /** Merges fields into the entry of a file of the destination container. */
  public Metadata updateFile(String fileName, Map<String, ?> fields) {
    return updateFile(destinationType(), fileName, fields);
  }

  /** Merges fields into the entry of a file of a container; the entry is made when absent. */
  public Metadata updateFile(String containerType, String fileName, Map<String, ?> fields) {
    checkContainerType(containerType);
    merge(file(containerType, fileName), clean(Json.JSON.valueToTree(fields)));
    return this;
  }

  /** Adds tags to a file of the destination container (each once). */
  public Metadata addFileTags(String fileName, String... tags) {
    addTags(file(destinationType(), fileName), tags);
    return this;
  }

  /**
   * Records a QC result on a file of the destination, as Flywheel's toolkit does: under {@code
   * info.qc.<gear name>}, with {@code job_info} (gear version, job id, config and input files) and
   * {@code <check name>: {state, ...data}}.
   */
  public Metadata addQcResult(
      String fileName, String checkName, QcState state, Map<String, ?> data) {
    ObjectNode qc =
        objectAt(objectAt(objectAt(file(destinationType(), fileName), "info"), "qc"), gearName);
    ObjectNode jobInfo = NODES.objectNode();
    jobInfo.put("version", gearVersion);
    jobInfo.put("job_id", jobId.orElse(""));
    jobInfo.set("inputs", Json.JSON.valueToTree(inputFiles));
    jobInfo.set("config", config.deepCopy());
    qc.set("job_info", jobInfo);
    ObjectNode result = NODES.objectNode();
    result.put("state", state.name());
    merge(result, clean(Json.JSON.valueToTree(data)));
    qc.set(checkName, result);
    return this;
  }

  public boolean isEmpty() {
    return document.isEmpty();
  }

  /** A copy of the document as it would be written. */
  public ObjectNode toJson() {
    return document.deepCopy();
  }

  /**
   * What is wrong with the document's shape, for an output folder: only container-type keys; each
   * container an object with a string label, an object info, string tags; files with a name that
   * exists in the output folder or is an input's file; QC states pass, fail or na.
   */
  public List<Problem> problems(Path outputDir) {
    List<Problem> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String type = entry.getKey();
      if (!CONTAINER_TYPES.contains(type)) {
        problems.add(problem(type, "\"" + type + "\" is not a container type " + CONTAINER_TYPES));
        continue;
      }
      checkContainer(type, entry.getValue(), outputDir, problems);
    }
    return problems;
  }

  private void checkContainer(String at, JsonNode container, Path outputDir, List<Problem> out) {
    if (!container.isObject()) {
      out.add(problem(at, "must be an object"));
      return;
    }
    checkCommonFields(at, container, out);
    JsonNode files = container.get("files");
    if (files == null) {
      return;
    }
    if (!files.isArray()) {
      out.add(problem(at + ".files", "must be an array of file entries"));
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      String fileAt = at + ".files." + i;
      JsonNode file = files.get(i);
      if (!file.isObject()
          || !file.path("name").isTextual()
          || file.get("name").asText().isBlank()) {
        out.add(problem(fileAt, "a file entry is an object with a \"name\""));
        continue;
      }
      String name = file.get("name").asText();
      if (!names.add(name)) {
        out.add(problem(fileAt, "the file \"" + name + "\" has two entries"));
      }
      if (!Files.isRegularFile(outputDir.resolve(name)) && !inputFiles.containsValue(name)) {
        out.add(
            problem(
                fileAt + ".name",
                "\"" + name + "\" is neither a file in the output folder nor an input file"));
      }
      checkCommonFields(fileAt, file, out);
      for (String text : List.of("type", "modality")) {
        JsonNode value = file.get(text);
        if (value != null && !value.isTextual() && !value.isNull()) {
          out.add(problem(fileAt + "." + text, "must be a string"));
        }
      }
      JsonNode zipCount = file.get("zip_member_count");
      if (zipCount != null && !zipCount.isIntegralNumber()) {
        out.add(problem(fileAt + ".zip_member_count", "must be an integer"));
      }
      checkQc(fileAt, file.path("info").path("qc"), out);
    }
  }

  private static void checkCommonFields(String at, JsonNode node, List<Problem> out) {
    JsonNode label = node.get("label");
    if (label != null && !label.isTextual()) {
      out.add(problem(at + ".label", "must be a string"));
    }
    JsonNode info = node.get("info");
    if (info != null && !info.isObject()) {
      out.add(problem(at + ".info", "must be an object"));
    }
    JsonNode tags = node.get("tags");
    if (tags != null) {
      boolean strings = tags.isArray();
      if (strings) {
        for (JsonNode tag : tags) {
          strings &= tag.isTextual();
        }
      }
      if (!strings) {
        out.add(problem(at + ".tags", "must be an array of strings"));
      }
    }
  }

  private static void checkQc(String at, JsonNode qc, List<Problem> out) {
    qc.fields()
        .forEachRemaining(
            gear ->
                gear.getValue()
                    .fields()
                    .forEachRemaining(
                        check -> {
                          JsonNode state = check.getValue().get("state");
                          if (!check.getKey().equals("job_info")
                              && (state == null
                                  || !Set.of("PASS", "FAIL", "NA").contains(state.asText()))) {
                            out.add(
                                problem(
                                    at + ".info.qc." + gear.getKey() + "." + check.getKey(),
                                    "a QC result has a state of PASS, FAIL or NA"));
                          }
                        }));
  }

  private static Problem problem(String key, String message) {
    return Problem.error("output/" + FILE_NAME, 0, key, "metadata-shape", message);
  }

  /**
   * Writes {@code .metadata.json} into the output folder after checking its shape; nothing is
   * written when there is nothing to say. The file appears whole or not at all.
   *
   * @return the file written, if any
   * @throws InvalidMetadataException with every problem, writing nothing
   */
  public Optional<Path> write(Path outputDir) {
    if (isEmpty()) {
      return Optional.empty();
    }
    List<Problem> problems = problems(outputDir);
    if (!problems.isEmpty()) {
      throw new InvalidMetadataException(problems);
    }
    try {
      Files.createDirectories(outputDir);
      Path file = outputDir.resolve(FILE_NAME);
      Path partial = outputDir.resolve(FILE_NAME + ".partial");
      Files.writeString(
          partial, Json.JSON.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return Optional.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
    }
  }

  private String destinationType() {
    return destination
        .map(ContainerRef::type)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "config.json has no destination: name the container type of the update"));
  }

  private void checkContainerType(String type) {
    if (!CONTAINER_TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "\"" + type + "\" is not a container type .metadata.json can update " + CONTAINER_TYPES);
    }
    if (destination.isEmpty() || destination.get().isAnalysis()) {
      return; // an analysis' parent is only known to Flywheel: every level may be above it
    }
    String target = destination.get().type();
    int level = ContainerRef.HIERARCHY.indexOf(target);
    int wanted = ContainerRef.HIERARCHY.indexOf(type);
    if (level >= 0 && (wanted < 0 || wanted > level)) {
      throw new IllegalArgumentException(
          "cannot update the "
              + type
              + " from a job whose destination is "
              + destination.get()
              + ": only the destination and its parents can be updated");
    }
  }

  private ObjectNode container(String type) {
    return objectAt(document, type);
  }

  private ObjectNode file(String containerType, String fileName) {
    checkContainerType(containerType);
    ObjectNode container = container(containerType);
    JsonNode files = container.get("files");
    ArrayNode list = files instanceof ArrayNode array ? array : container.putArray("files");
    for (JsonNode entry : list) {
      if (entry.path("name").asText().equals(fileName) && entry instanceof ObjectNode object) {
        return object;
      }
    }
    ObjectNode entry = list.addObject();
    entry.put("name", fileName);
    return entry;
  }

  private static ObjectNode objectAt(ObjectNode parent, String key) {
    JsonNode child = parent.get(key);
    if (child instanceof ObjectNode object) {
      return object;
    }
    return parent.putObject(key);
  }

  private static void addTags(ObjectNode node, String... tags) {
    Set<String> all = new LinkedHashSet<>();
    node.path("tags").forEach(tag -> all.add(tag.asText()));
    all.addAll(Arrays.asList(tags));
    ArrayNode list = node.putArray("tags");
    all.forEach(list::add);
  }

  private static void merge(ObjectNode into, JsonNode from) {
    from.fields()
        .forEachRemaining(
            e -> {
              JsonNode existing = into.get(e.getKey());
              if (existing instanceof ObjectNode target && e.getValue().isObject()) {
                merge(target, e.getValue());
              } else {
                into.set(e.getKey(), e.getValue());
              }
            });
  }

  /**
   * What Flywheel stores: NaN and infinities become null, and dots in keys become underscores (a
   * dot in a key would be read as a path).
   */
  private static JsonNode clean(JsonNode node) {
    if (node.isObject()) {
      ObjectNode cleaned = NODES.objectNode();
      node.fields()
          .forEachRemaining(e -> cleaned.set(e.getKey().replace('.', '_'), clean(e.getValue())));
      return cleaned;
    }
    if (node.isArray()) {
      ArrayNode cleaned = NODES.arrayNode();
      node.forEach(item -> cleaned.add(clean(item)));
      return cleaned;
    }
    if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      return NODES.nullNode();
    }
    return node;
  }
}
