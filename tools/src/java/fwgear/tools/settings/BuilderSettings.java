package fwgear.tools.settings;

import java.util.Optional;

/**
 * How to call the image builder: the {@code [docker]} part of the repository's settings ({@link
 * RepositorySettings#imageBuilder()}), read with the rest of {@code gear.toml}:
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
}
