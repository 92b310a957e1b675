package fwgear.tools.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.tools.GearArgument;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of one gear that the workflow commands edit, as paths relative to the repository root:
 * the gear folder ({@code gears/zebra_sync}), its manifest, the BUILD file of its docker_image, and
 * {@code docs/<module>/CHANGELOG.md}. Gears are found with the BUILD model ({@link Gears}).
 *
 * @param name the docker_image target's name (the manifest's {@code name})
 */
public record GearFiles(Path root, Path folder, String name, Path manifest, Path dockerBuild) {
  /** The folder new gears go in. */
  public static final String GEARS = "gears";

  public static GearFiles of(Path root, Gear gear) {
    return new GearFiles(
        root,
        Path.of(gear.folder()),
        gear.name(),
        Path.of(gear.manifest()),
        Path.of(gear.image().target().directory(), Repository.BUILD_FILE));
  }

  /** The gear's folder name, {@code zebra_sync}: its docs live in {@code docs/<module>}. */
  public String module() {
    return folder.getFileName() == null ? "" : folder.getFileName().toString();
  }

  public Path docs() {
    return Path.of("docs", module());
  }

  public Path changelog() {
    return docs().resolve("CHANGELOG.md");
  }

  /** The manifest's {@code name}, when the manifest is readable JSON with one. */
  public Optional<String> manifestName() {
    try {
      JsonNode value = new ObjectMapper().readTree(root.resolve(manifest).toFile()).path("name");
      return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Every gear of the repository (one per docker_image target), sorted by folder. */
  public static List<GearFiles> all(Path root) {
    return Gears.of(Repository.load(root, System.getenv())).all().stream()
        .map(gear -> of(root, gear))
        .toList();
  }

  /** A gear as the command line names it (see {@link GearArgument}). */
  public static GearFiles resolve(Path root, String reference) {
    return of(root, GearArgument.resolve(Repository.load(root, System.getenv()), root, reference));
  }
}
