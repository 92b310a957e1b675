package fwgear.tools.buildfile;

import fwgear.tools.UsageException;
import java.util.List;
import java.util.Optional;

/**
 * The gears of a repository: one per docker_image target. A gear's folder is the folder above
 * {@code src/docker} ({@code gears/x/src/docker} belongs to {@code gears/x}); its manifest is the
 * {@code file} target named {@code manifest.json} the image depends on (else {@code manifest.json}
 * beside the BUILD file); its binary is the packageable target the image depends on.
 */
public final class Gears {
  private final Repository repository;

  public Gears(Repository repository) {
    this.repository = repository;
  }

  public static Gears of(Repository repository) {
    return new Gears(repository);
  }

  /** All gears, sorted by folder. */
  public List<Gear> all() {
    return all(Specs.ALL);
  }

  /** The gears whose docker_image the specs select. */
  public List<Gear> all(Specs specs) {
    return repository.dockerImages(specs).stream().map(this::gear).toList();
  }

  public Gear gear(DockerImage image) {
    Target target = image.target();
    String manifest = target.pathOf("manifest.json");
    Optional<Target.BinaryTarget> binary = Optional.empty();
    for (Address dependency : target.dependencies()) {
      Optional<Target> found = repository.target(dependency);
      if (found.isEmpty()) {
        continue;
      }
      Target dep = found.get();
      // A file or resource (one source) named manifest.json is the manifest.
      Optional<String> source =
          dep instanceof Target.AssetTarget asset
              ? asset.singleSource().map(Located::value)
              : Optional.empty();
      if (source.isPresent() && source.get().endsWith("manifest.json")) {
        manifest = dep.pathOf(source.get());
      } else if (binary.isEmpty() && dep instanceof Target.BinaryTarget packaged) {
        binary = Optional.of(packaged);
      }
    }
    return new Gear(repository, image, folderOf(target.directory()), manifest, binary);
  }

  /** {@code gears/x/src/docker} -> {@code gears/x}; a folder without {@code src/} is its own. */
  public static String folderOf(String dockerDirectory) {
    String padded = "/" + dockerDirectory;
    int src = padded.lastIndexOf("/src/");
    if (padded.endsWith("/src")) {
      src = padded.length() - 4;
    }
    if (src < 0) {
      return dockerDirectory;
    }
    return src == 0 ? "" : padded.substring(1, src);
  }

  /**
   * Finds a gear by its folder ({@code gears/project_management}, a trailing slash allowed), its
   * docker_image target's name or address, or its manifest's {@code name}.
   *
   * @throws UsageException when no gear or more than one matches, naming the known gears
   */
  public Gear resolve(String nameOrFolder) {
    String wanted = Address.trimSlashes(nameOrFolder.strip());
    if (wanted.startsWith("./")) {
      wanted = wanted.substring(2);
    }
    List<Gear> gears = all();
    String key = wanted;
    List<Gear> matches =
        gears.stream()
            .filter(
                g ->
                    g.folder().equals(key)
                        || g.name().equals(key)
                        || g.image().address().toString().equals(key)
                        || g.image().address().spec().equals(key))
            .toList();
    if (matches.isEmpty()) {
      matches =
          gears.stream().filter(g -> g.manifestName().map(key::equals).orElse(false)).toList();
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String known =
        gears.isEmpty()
            ? "the repository has no docker_image targets"
            : "known gears: "
                + String.join(
                    ", ", gears.stream().map(g -> g.folder() + " (" + g.name() + ")").toList());
    if (matches.isEmpty()) {
      throw new UsageException("no gear '" + nameOrFolder + "'; " + known);
    }
    throw new UsageException(
        "'"
            + nameOrFolder
            + "' names several gears: "
            + String.join(", ", matches.stream().map(g -> g.image().address().spec()).toList()));
  }
}
