package fwgear.tools.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a gear's process is started: the command line, its working directory and its whole
 * environment (nothing is inherited, as in a Flywheel job).
 */
public record GearLaunch(List<String> command, Path workingDir, Map<String, String> environment) {
  public GearLaunch {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }
}
