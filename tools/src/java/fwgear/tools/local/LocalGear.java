package fwgear.tools.local;

import fwgear.manifest.Manifest;
import fwgear.tools.buildfile.Gear;
import java.nio.file.Path;

/**
 * A gear of the repository as the local-run commands see it.
 *
 * @param root the repository root
 * @param target the gear as its BUILD files declare it (docker_image, manifest, binary)
 * @param manifest the parsed and checked manifest
 */
public record LocalGear(Path root, Gear target, Manifest manifest) {
  public static final String CONFIG_JSON = "config.json";
  public static final String MANIFEST_JSON = "manifest.json";

  public String name() {
    return manifest.name();
  }

  public String version() {
    return manifest.version();
  }

  /** The gear's folder, such as {@code <root>/gears/project_management}. */
  public Path folder() {
    return root.resolve(target.folder());
  }

  public Path manifestFile() {
    return root.resolve(target.manifest());
  }

  /** The folder of the manifest, the Dockerfile and the image's BUILD file ({@code src/docker}). */
  public Path dockerFolder() {
    return manifestFile().getParent();
  }

  /** The local invocation: {@code src/docker/config.json}, git-ignored (it may hold a key). */
  public Path configFile() {
    return dockerFolder().resolve(CONFIG_JSON);
  }

  public Path dockerfile() {
    return root.resolve(target.image().dockerfile());
  }

  /** A path as the user should see it: relative to the repository root when inside it. */
  public String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
  }
}
