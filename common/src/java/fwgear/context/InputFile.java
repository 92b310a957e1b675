package fwgear.context;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file input of the job, as config.json describes it.
 *
 * @param name the input's key in the manifest
 * @param path where the file is (under the base folder's {@code input/<name>/} on Flywheel)
 * @param filename the file's name on Flywheel ({@code location.name})
 * @param object the Flywheel file object: type, mimetype, modality, info, tags, size, file_id...
 * @param hierarchy the container the file belongs to, when config.json says
 */
public record InputFile(
    String name, Path path, String filename, JsonNode object, Optional<ContainerRef> hierarchy) {

  /** The Flywheel file type ({@code object.type}), such as {@code dicom} or {@code source code}. */
  public Optional<String> type() {
    JsonNode type = object.get("type");
    return type != null && type.isTextual() ? Optional.of(type.asText()) : Optional.empty();
  }

  /** {@code object.file_id}, when the file comes from Flywheel. */
  public Optional<String> fileId() {
    JsonNode id = object.get("file_id");
    return id != null && id.isTextual() && !id.asText().isEmpty()
        ? Optional.of(id.asText())
        : Optional.empty();
  }

  /** The file's {@code info} object (empty object when absent). */
  public JsonNode info() {
    return object.path("info");
  }

  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }
}
