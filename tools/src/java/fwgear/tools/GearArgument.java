package fwgear.tools;

import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A gear named on the command line, read the same way by every command that takes one (config, run,
 * bump, and the specs of the others): its folder ({@code gears/zebra_sync}, relative to the working
 * directory or the root, with or without a trailing {@code /}, {@code ::} or {@code /src/docker}),
 * its docker_image target's name or address, its manifest name ({@code zebra-sync}), or its
 * folder's own name ({@code zebra_sync}, as {@code ./gear new} calls it).
 */
public final class GearArgument {
  private GearArgument() {}

  /**
   * The gear {@code reference} names.
   *
   * @throws UsageException when no gear or more than one matches, naming the known gears
   */
  public static Gear resolve(Repository repository, Path workingDir, String reference) {
    String ref = reference.strip();
    if (ref.endsWith("::")) {
      ref = ref.substring(0, ref.length() - 2);
    }
    ref = rootRelative(repository.root(), workingDir, ref);
    Gears gears = Gears.of(repository);
    try {
      return gears.resolve(ref);
    } catch (UsageException notFound) {
      String module = ref;
      List<Gear> byModule =
          gears.all().stream().filter(g -> Path.of(g.folder()).endsWith(module)).toList();
      if (!module.isEmpty() && !module.contains("/") && byModule.size() == 1) {
        return byModule.get(0);
      }
      throw notFound;
    }
  }

  /** A folder given relative to the working directory, as a path relative to the root. */
  private static String rootRelative(Path root, Path workingDir, String ref) {
    if (ref.contains(":") || ref.isEmpty()) {
      return ref;
    }
    Path normalizedRoot = root.toAbsolutePath().normalize();
    Path folder = workingDir.toAbsolutePath().resolve(ref).normalize();
    if (Files.isDirectory(folder) && folder.startsWith(normalizedRoot)) {
      String relative = normalizedRoot.relativize(folder).toString();
      // gears/x/src/docker names the same gear as gears/x
      return relative.endsWith("/src/docker")
          ? relative.substring(0, relative.length() - "/src/docker".length())
          : relative;
    }
    return ref;
  }
}
