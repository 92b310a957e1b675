package fwgear.tools.buildfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import fwgear.json.LocatedDocument;
import fwgear.manifest.Manifest;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.tools.buildfile.Target.BinaryTarget;
import fwgear.tools.docker.Dockerfile;
import fwgear.tools.docker.ImageContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One gear of the repository, the one model every command uses: its docker_image target (names
 * resolved), its folder, its manifest, its binary, its docs. The parts that read files (the
 * manifest, the image's build context with the parsed Dockerfile) are read when first asked, once;
 * a gear that is only listed or resolved by name reads nothing but what it needs.
 *
 * <p>Not thread-safe: a gear belongs to the one command that resolved it.
 */
public final class Gear {
  /** The folder new gears go in. */
  public static final String GEARS = "gears";

  public static final String CONFIG_JSON = "config.json";
  public static final String MANIFEST_JSON = "manifest.json";

  private final Repository repository;
  private final DockerImage image;
  private final String folder;
  private final String manifestPath;
  private final Optional<BinaryTarget> binary;

  private ManifestRead manifestRead;
  private Manifest manifest;
  private ImageContext context;

  /**
   * @param folder the gear's folder relative to the root ({@code gears/project_management})
   * @param manifestPath the manifest relative to the root ({@code
   *     gears/x/src/docker/manifest.json})
   * @param binary the packageable target (deploy_jar, pex_binary) the image depends on, if any
   */
  Gear(
      Repository repository,
      DockerImage image,
      String folder,
      String manifestPath,
      Optional<BinaryTarget> binary) {
    this.repository = repository;
    this.image = image;
    this.folder = folder;
    this.manifestPath = manifestPath;
    this.binary = binary;
  }

  /** The manifest as a located JSON document, or the problems that kept it from being read. */
  public record ManifestRead(Optional<LocatedDocument> document, List<Problem> problems) {}

  public Repository repository() {
    return repository;
  }

  public Path root() {
    return repository.root();
  }

  /** The docker_image target's name (which the manifest's {@code name} must equal). */
  public String name() {
    return image.name();
  }

  /** The gear's folder relative to the root ({@code gears/project_management}). */
  public String folder() {
    return folder;
  }

  /** The docker_image target, names resolved. */
  public DockerImage image() {
    return image;
  }

  /** The packageable target (deploy_jar, pex_binary) the image depends on, if any. */
  public Optional<BinaryTarget> binary() {
    return binary;
  }

  /** The manifest file relative to the root ({@code gears/x/src/docker/manifest.json}). */
  public String manifestPath() {
    return manifestPath;
  }

  /** The BUILD file of the gear's docker_image. */
  public String buildFile() {
    return image.target().buildFile();
  }

  /** The gear's folder name, {@code zebra_sync}: its docs live in {@code docs/<module>}. */
  public String module() {
    return folder.isEmpty() ? "" : Address.lastSegment(folder);
  }

  /** {@code docs/<module>}, relative to the root. */
  public String docs() {
    return "docs/" + module();
  }

  /** {@code docs/<module>/CHANGELOG.md}, relative to the root. */
  public String changelog() {
    return docs() + "/CHANGELOG.md";
  }

  /** {@code docs/<module>/index.md}, relative to the root: the gear's worked example. */
  public String docsIndex() {
    return docs() + "/index.md";
  }

  /** A path relative to the root, as a file system path. */
  public Path path(String relative) {
    return repository.resolve(relative);
  }

  /** The folder of the manifest, the Dockerfile and the image's BUILD file ({@code src/docker}). */
  public Path dockerFolder() {
    return path(manifestPath).getParent();
  }

  /** The local invocation: {@code src/docker/config.json}, git-ignored (it may hold a key). */
  public Path configFile() {
    return dockerFolder().resolve(CONFIG_JSON);
  }

  /** A path as the user should see it: relative to the repository root when inside it. */
  public String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(root())
        ? root().relativize(absolute).toString()
        : absolute.toString();
  }

  /** The manifest as a located document, read once; its problems when it cannot be read. */
  public ManifestRead manifestDocument() {
    if (manifestRead == null) {
      try {
        manifestRead =
            new ManifestRead(
                Optional.of(LocatedDocument.readJson(path(manifestPath), manifestPath)), List.of());
      } catch (InvalidInputException e) {
        manifestRead = new ManifestRead(Optional.empty(), e.problems());
      }
    }
    return manifestRead;
  }

  /**
   * The manifest, read once and checked against every rule of the gear spec.
   *
   * @throws InvalidInputException when it cannot be read or breaks a rule
   */
  public Manifest manifest() {
    if (manifest == null) {
      ManifestRead read = manifestDocument();
      if (read.document().isEmpty()) {
        throw new InvalidInputException(read.problems());
      }
      manifest = Manifest.from(read.document().get());
    }
    return manifest;
  }

  /** The manifest's {@code name}, when the manifest is readable JSON with one. */
  public Optional<String> manifestName() {
    JsonNode name = manifestAt("name");
    return name.isTextual() ? Optional.of(name.asText()) : Optional.empty();
  }

  /** A manifest value by dotted path; MissingNode when absent or the manifest is unreadable. */
  public JsonNode manifestAt(String path) {
    return manifestDocument().document().map(m -> m.at(path)).orElse(MissingNode.getInstance());
  }

  /** The line of a manifest key (its nearest present ancestor's when absent). */
  public int manifestLine(String path) {
    return manifestDocument().document().map(m -> m.lineOf(path)).orElse(0);
  }

  /** The Dockerfile, parsed once by the build-context rule; empty when it cannot be read. */
  public Optional<Dockerfile> dockerfile() {
    return context().parsed();
  }

  /** The image's build context (Dockerfile text and info, files, binaries), made once. */
  public ImageContext context() {
    if (context == null) {
      context = ImageContext.of(repository, image);
    }
    return context;
  }

  @Override
  public String toString() {
    return "gear " + folder + " (" + image.address() + ")";
  }
}
