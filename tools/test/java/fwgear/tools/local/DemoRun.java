package fwgear.tools.local;

import fwgear.tools.RepositoryRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A demo run on this repository, as {@code ./gear demo} makes it (gears packaged as {@code ./gear
 * run} does), with what it printed.
 *
 * @param out the gears' logs and the tree
 * @param err the demo's own progress lines
 */
record DemoRun(Path root, int exitCode, String out, String err) {

  static DemoRun of(DemoService.Demo demo) {
    return of(demo, Optional.empty());
  }

  static DemoRun of(DemoService.Demo demo, Optional<RunService.ImageLauncher> image) {
    Path root = RepositoryRoot.find(Path.of("").toAbsolutePath()).orElseThrow();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        new DemoService(
                root,
                LocalBinaries.packaging(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .run(demo, List.of(), image);
    return new DemoRun(root, exitCode, out.toString(), err.toString());
  }

  /** Both outputs, for failure messages. */
  String both() {
    return out + "\n" + err;
  }
}
