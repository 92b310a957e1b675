package fwgear.tools.local;

import fwgear.tools.buildfile.Gear;
import java.nio.file.Path;

/**
 * A prepared run folder, laid out as {@code /flywheel/v0} is in a Flywheel job: {@code
 * config.json}, {@code manifest.json}, {@code input/<name>/<file>}, {@code output/}, {@code work/}.
 */
public record RunFolder(Path root) {
  public Path input() {
    return root.resolve("input");
  }

  public Path output() {
    return root.resolve("output");
  }

  public Path work() {
    return root.resolve("work");
  }

  public Path configFile() {
    return root.resolve(Gear.CONFIG_JSON);
  }

  public Path manifestFile() {
    return root.resolve(Gear.MANIFEST_JSON);
  }

  /** The script that runs the gear here again, as {@code ./gear run} did. */
  public Path runScript() {
    return root.resolve("run.sh");
  }
}
