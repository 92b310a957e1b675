package fwgear.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --root} option of commands that work on a repository: the repository folder, by
 * default the nearest folder up from the working directory holding gear.toml or pants.toml.
 */
public final class RepositoryOption {
  @Option(
      names = "--root",
      paramLabel = "<dir>",
      description =
          "The repository to work on (default: the nearest folder up holding gear.toml or"
              + " pants.toml).")
  Path root;

  public Path root() {
    return root(Path.of("").toAbsolutePath());
  }

  /**
   * The repository for a command run in {@code workingDir}: {@code --root} (relative to the working
   * directory), else the nearest folder up from it holding gear.toml or pants.toml.
   */
  public Path root(Path workingDir) {
    if (root == null) {
      return RepositoryRoot.require(workingDir);
    }
    Path folder = workingDir.resolve(root);
    if (!Files.isDirectory(folder)) {
      throw new UsageException("--root " + root + " is not a folder");
    }
    return folder.toAbsolutePath().normalize();
  }
}
