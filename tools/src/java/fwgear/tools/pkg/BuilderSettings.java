package fwgear.tools.pkg;

import fwgear.tools.settings.RepositorySettings;
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

  /** The builder settings of the repository's settings file (read once, by RepositorySettings). */
  public static BuilderSettings load(Path root) {
    return of(RepositorySettings.load(root));
  }

  public static BuilderSettings of(RepositorySettings settings) {
    return new BuilderSettings(
        settings.builder(), settings.buildahStorageDriver(), settings.buildahIsolation());
  }
}
