package fwgear.tools.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import fwgear.tools.settings.RepositorySettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to call the image builder, from {@code gear.toml}:
 *
 * <pre>
 * [docker]
 * builder = "buildah"          # docker, podman or buildah; default: detected
 * [docker.buildah]
 * storage_driver = "vfs"       # buildah --storage-driver (vfs works without overlay support)
 * isolation = "chroot"         # buildah build/run --isolation (chroot works inside containers)
 * </pre>
 */
public record BuilderSettings(
    Optional<String> builder, Optional<String> storageDriver, Optional<String> isolation) {

  public static BuilderSettings defaults() {
    return new BuilderSettings(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Reads the settings file at the root ({@code gear.toml}, else {@code pants.toml}): the builder
   * as {@link RepositorySettings} reads it, the {@code [docker.buildah]} table here.
   */
  public static BuilderSettings load(Path root) throws IOException {
    RepositorySettings settings = RepositorySettings.load(root);
    if (settings.file().isEmpty()) {
      return defaults();
    }
    JsonNode buildah =
        new TomlMapper()
            .readTree(root.resolve(settings.file().get()).toFile())
            .path("docker")
            .path("buildah");
    return new BuilderSettings(
        settings.builder(), text(buildah, "storage_driver"), text(buildah, "isolation"));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText().strip())
        : Optional.empty();
  }
}
