package fwgear.tools.local;

import fwgear.manifest.Manifest;
import fwgear.tools.RepositoryRoot;
import fwgear.tools.UsageException;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Repository;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the gear a local-run command names: its folder ({@code gears/project_management}, relative
 * to the working directory or the root), its docker_image target, or its manifest name ({@code
 * project-management}).
 */
public final class LocalGears {
  private LocalGears() {}

  /** The gear named by {@code spec} in the repository around the working directory. */
  public static LocalGear resolve(Path workingDir, String spec) {
    Path root =
        RepositoryRoot.find(workingDir)
            .orElseThrow(
                () ->
                    new UsageException(
                        "not inside a gear repository: no gear.toml or pants.toml in "
                            + workingDir
                            + " or any folder above it"));
    return resolve(root, workingDir, spec);
  }

  public static LocalGear resolve(Path root, Path workingDir, String spec) {
    Path normalizedRoot = root.toAbsolutePath().normalize();
    Repository repository = Repository.load(normalizedRoot, System.getenv());
    Gear gear = Gears.of(repository).resolve(rootRelative(normalizedRoot, workingDir, spec));
    Manifest manifest = Manifest.load(repository.resolve(gear.manifest()), gear.manifest());
    return new LocalGear(normalizedRoot, gear, manifest);
  }

  /** A folder given relative to the working directory, as a path relative to the root. */
  private static String rootRelative(Path root, Path workingDir, String spec) {
    if (spec.contains(":")) {
      return spec;
    }
    Path folder = workingDir.toAbsolutePath().resolve(spec).normalize();
    if (Files.isDirectory(folder) && folder.startsWith(root) && !folder.equals(root)) {
      String relative = root.relativize(folder).toString();
      // gears/x/src/docker names the same gear as gears/x
      return relative.endsWith("/src/docker")
          ? relative.substring(0, relative.length() - "/src/docker".length())
          : relative;
    }
    return spec;
  }
}
