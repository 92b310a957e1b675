package fwgear.tools.local;

import fwgear.tools.GearArgument;
import fwgear.tools.RepositoryRoot;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Repository;
import java.nio.file.Path;

/**
 * Finds the gear a local-run command names: its folder ({@code gears/project_management}, relative
 * to the working directory or the root), its docker_image target, or its manifest name ({@code
 * project-management}).
 */
public final class LocalGears {
  private LocalGears() {}

  /** The gear named by {@code spec} in the repository around the working directory. */
  public static Gear resolve(Path workingDir, String spec) {
    return resolve(RepositoryRoot.require(workingDir), workingDir, spec);
  }

  public static Gear resolve(Path root, Path workingDir, String spec) {
    return resolve(
        Repository.load(root.toAbsolutePath().normalize(), System.getenv()), workingDir, spec);
  }

  /** The gear named by {@code spec} in a repository already loaded (one load for many names). */
  public static Gear resolve(Repository repository, Path workingDir, String spec) {
    Gear gear = GearArgument.resolve(repository, workingDir, spec);
    gear.manifest(); // read and checked now: a local run needs it whole
    return gear;
  }
}
