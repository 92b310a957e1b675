package fwgear.tools.local;

import fwgear.manifest.Manifest;
import fwgear.problem.InvalidInputException;
import fwgear.tools.RepositoryRoot;
import fwgear.tools.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the gear a local-run command names: its folder ({@code gears/project_management}, also its
 * {@code src/docker} folder or an address such as {@code gears/project_management/src/docker:x}),
 * or its manifest name ({@code project-management}).
 */
public final class LocalGears {
  private static final Path DOCKER = Path.of("src", "docker");

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
    Path root0 = root.toAbsolutePath().normalize();
    String pathPart = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
    for (Path base : List.of(workingDir, root0)) {
      Path candidate = base.resolve(pathPart).toAbsolutePath().normalize();
      if (Files.isRegularFile(candidate.resolve(DOCKER).resolve(LocalGear.MANIFEST_JSON))) {
        return load(root0, candidate, candidate.resolve(DOCKER));
      }
      if (Files.isRegularFile(candidate.resolve(LocalGear.MANIFEST_JSON))
          && candidate.endsWith(DOCKER)) {
        return load(root0, candidate.getParent().getParent(), candidate);
      }
    }
    List<Path> dockerFolders = dockerFolders(root0);
    List<String> names = new ArrayList<>();
    for (Path dockerFolder : dockerFolders) {
      Manifest manifest;
      try {
        manifest = Manifest.load(dockerFolder.resolve(LocalGear.MANIFEST_JSON));
      } catch (InvalidInputException e) {
        continue; // a broken manifest of another gear does not stop this lookup
      }
      if (manifest.name().equals(spec)) {
        return new LocalGear(root0, dockerFolder.getParent().getParent(), dockerFolder, manifest);
      }
      names.add(
          manifest.name() + " (" + root0.relativize(dockerFolder.getParent().getParent()) + ")");
    }
    throw new UsageException(
        "no gear '"
            + spec
            + "': give a gear folder (such as gears/project_management) or a manifest name"
            + (names.isEmpty() ? "" : "; gears here: " + String.join(", ", names)));
  }

  private static LocalGear load(Path root, Path folder, Path dockerFolder) {
    Manifest manifest = Manifest.load(dockerFolder.resolve(LocalGear.MANIFEST_JSON));
    return new LocalGear(root, folder, dockerFolder, manifest);
  }

  /** Every {@code <gear>/src/docker} folder holding a manifest.json, outside build output. */
  private static List<Path> dockerFolders(Path root) {
    try (Stream<Path> files = Files.walk(root, 6)) {
      return files
          .filter(path -> path.getFileName().toString().equals(LocalGear.MANIFEST_JSON))
          .map(Path::getParent)
          .filter(folder -> folder.endsWith(DOCKER))
          .filter(folder -> !isIgnored(root.relativize(folder)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isIgnored(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".")
          || name.equals("target")
          || name.equals("dist")
          || name.equals("tmp")
          || name.equals("node_modules")) {
        return true;
      }
    }
    return false;
  }
}
