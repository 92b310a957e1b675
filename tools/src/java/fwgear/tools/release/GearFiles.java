package fwgear.tools.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.tools.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of one gear in the seed's layout, as paths relative to the repository root: the gear
 * folder {@code gears/<module>}, its {@code src/docker/{manifest.json, BUILD}} and its {@code
 * docs/<module>/CHANGELOG.md}.
 */
public record GearFiles(Path root, String module) {
  public static final String GEARS = "gears";

  public Path folder() {
    return Path.of(GEARS, module);
  }

  public Path manifest() {
    return folder().resolve("src/docker/manifest.json");
  }

  public Path dockerBuild() {
    return folder().resolve("src/docker/BUILD");
  }

  public Path docs() {
    return Path.of("docs", module);
  }

  public Path changelog() {
    return docs().resolve("CHANGELOG.md");
  }

  /** The manifest's {@code name}, when the manifest is readable JSON with one. */
  public Optional<String> manifestName() {
    try {
      JsonNode name = new ObjectMapper().readTree(root.resolve(manifest()).toFile()).path("name");
      return name.isTextual() ? Optional.of(name.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Every folder under {@code gears/} that holds {@code src/docker/manifest.json}, by name. */
  public static List<GearFiles> all(Path root) {
    Path gears = root.resolve(GEARS);
    if (!Files.isDirectory(gears)) {
      return List.of();
    }
    List<GearFiles> found = new ArrayList<>();
    try (Stream<Path> folders = Files.list(gears)) {
      folders
          .filter(Files::isDirectory)
          .map(folder -> new GearFiles(root, folder.getFileName().toString()))
          .filter(gear -> Files.isRegularFile(root.resolve(gear.manifest())))
          .sorted((a, b) -> a.module().compareTo(b.module()))
          .forEach(found::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + gears, e);
    }
    return found;
  }

  /**
   * A gear by its folder ({@code gears/zebra_sync}, with or without a trailing slash or {@code
   * ::}), its module name ({@code zebra_sync}) or its manifest name ({@code zebra-sync}).
   */
  public static GearFiles resolve(Path root, String reference) {
    String ref = reference.strip();
    if (ref.endsWith("::")) {
      ref = ref.substring(0, ref.length() - 2);
    }
    while (ref.endsWith("/")) {
      ref = ref.substring(0, ref.length() - 1);
    }
    if (ref.startsWith("./")) {
      ref = ref.substring(2);
    }
    List<GearFiles> gears = all(root);
    for (GearFiles gear : gears) {
      if (ref.equals(gear.folder().toString()) || ref.equals(gear.module())) {
        return gear;
      }
    }
    for (GearFiles gear : gears) {
      if (gear.manifestName().filter(ref::equals).isPresent()) {
        return gear;
      }
    }
    List<String> known = gears.stream().map(g -> g.folder().toString()).toList();
    throw new UsageException(
        "no gear '"
            + reference
            + "': give a gear's folder, module or manifest name"
            + (known.isEmpty()
                ? " (there are no gears under gears/)"
                : "; gears: " + String.join(", ", known)));
  }
}
