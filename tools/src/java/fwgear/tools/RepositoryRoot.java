package fwgear.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the root of a gear repository: the nearest folder, from the working directory up, that
 * holds {@code gear.toml} (or, for a Pants repository, {@code pants.toml}).
 */
public final class RepositoryRoot {
  public static final String GEAR_TOML = "gear.toml";
  public static final String PANTS_TOML = "pants.toml";

  private RepositoryRoot() {}

  public static Optional<Path> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(GEAR_TOML))
          || Files.isRegularFile(dir.resolve(PANTS_TOML))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The root above the working directory, or a usage error saying how to get one. */
  public static Path require() {
    return require(Path.of("").toAbsolutePath());
  }

  /** The root above {@code cwd}, or a usage error saying how to get one. */
  public static Path require(Path cwd) {
    return find(cwd)
        .orElseThrow(
            () ->
                new UsageException(
                    "not inside a gear repository: no gear.toml or pants.toml in "
                        + cwd
                        + " or any folder above it (or give --root <dir>)"));
  }
}
