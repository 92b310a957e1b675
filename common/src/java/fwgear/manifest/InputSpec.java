package fwgear.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the manifest's {@code inputs}.
 *
 * @param name the input key
 * @param base {@code file}, {@code context} or {@code api-key}
 * @param optional whether config.json may leave it out (only file inputs can be optional)
 * @param description the description, or empty
 * @param readOnly for an api-key input: the key only needs read access
 * @param directives for a file input: the schemas that constrain fields of the file object (such as
 *     {@code type: {enum: [dicom]}}), by field, in manifest order
 */
public record InputSpec(
    String name,
    String base,
    boolean optional,
    Optional<String> description,
    boolean readOnly,
    Map<String, JsonNode> directives) {
  public static final String FILE = "file";
  public static final String CONTEXT = "context";
  public static final String API_KEY = "api-key";

  /** The three kinds of input the spec knows. */
  public static final List<String> BASES = List.of(FILE, CONTEXT, API_KEY);

  /**
   * The keys of a file input that are not schema directives (as in {@code manifest.schema.json}'s
   * file branch; which keys the other kinds may have is the schema's alone).
   */
  static final Set<String> FILE_KEYS = Set.of("base", "description", "optional");

  public InputSpec {
    directives = Collections.unmodifiableMap(new LinkedHashMap<>(directives));
  }

  static InputSpec of(String name, JsonNode node) {
    Map<String, JsonNode> directives = new LinkedHashMap<>();
    String base = node.path("base").asText("");
    if (base.equals(FILE)) {
      node.fields()
          .forEachRemaining(
              field -> {
                if (!FILE_KEYS.contains(field.getKey())) {
                  directives.put(field.getKey(), field.getValue());
                }
              });
    }
    JsonNode description = node.get("description");
    return new InputSpec(
        name,
        base,
        node.path("optional").asBoolean(false),
        description != null && description.isTextual()
            ? Optional.of(description.asText())
            : Optional.empty(),
        node.path("read-only").asBoolean(false),
        directives);
  }

  public boolean isFile() {
    return base.equals(FILE);
  }

  public boolean isContext() {
    return base.equals(CONTEXT);
  }

  public boolean isApiKey() {
    return base.equals(API_KEY);
  }
}
