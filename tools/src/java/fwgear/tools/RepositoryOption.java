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
    if (root == null) {
      return RepositoryRoot.require();
    }
    if (!Files.isDirectory(root)) {
      throw new UsageException("--root " + root + " is not a folder");
    }
    return root.toAbsolutePath().normalize();
  }
}
