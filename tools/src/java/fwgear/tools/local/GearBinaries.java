package fwgear.tools.local;

import fwgear.tools.buildfile.Gear;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The programs a gear's image holds, as local files: the paths the Dockerfile copies them to (such
 * as {@code /bin/run}) mapped to the files a local run executes instead.
 */
public interface GearBinaries {

  /** In-image paths mapped to local files; packaged ones may not be built yet. */
  Map<String, Path> locate(Gear gear);

  /** Builds the packaged binaries that are stale (a line of progress each), then locates all. */
  Map<String, Path> build(Gear gear, PrintWriter progress);
}
