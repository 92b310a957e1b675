package fwgear.tools.local;

import fwgear.manifest.Manifest;
import java.nio.file.Path;

/**
 * A gear of the repository as the local-run commands see it.
 *
 * @param root the repository root
 * @param folder the gear's folder, such as {@code gears/project_management} (absolute)
 * @param dockerFolder the folder of its manifest.json, Dockerfile and BUILD ({@code src/docker})
 * @param manifest the parsed and checked manifest
 */
public record LocalGear(Path root, Path folder, Path dockerFolder, Manifest manifest) {
  public static final String CONFIG_JSON = "config.json";
  public static final String MANIFEST_JSON = "manifest.json";

  public String name() {
    return manifest.name();
  }

  public String version() {
    return manifest.version();
  }

  public Path manifestFile() {
    return dockerFolder.resolve(MANIFEST_JSON);
  }

  /** The local invocation: {@code src/docker/config.json}, git-ignored (it may hold a key). */
  public Path configFile() {
    return dockerFolder.resolve(CONFIG_JSON);
  }

  public Path dockerfile() {
    return dockerFolder.resolve("Dockerfile");
  }

  /** A path as the user should see it: relative to the repository root when inside it. */
  public String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
  }
}
