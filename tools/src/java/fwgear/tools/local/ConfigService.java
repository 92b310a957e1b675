package fwgear.tools.local;

import fwgear.problem.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./gear config}: edits a gear's local invocation ({@code src/docker/config.json}) the way
 * {@code fw-beta gear config} does. All changes of one command are applied together or not at all.
 */
public final class ConfigService {
  private final Path workingDir;
  private final ApiKeySource keys;

  public ConfigService(Path workingDir, ApiKeySource keys) {
    this.workingDir = workingDir;
    this.keys = keys;
  }

  /**
   * The changes of one command.
   *
   * @param fresh start from the manifest's defaults ({@code --new}) instead of the current file
   * @param options {@code key=value} config assignments, in order
   * @param inputs {@code name=path} file inputs, {@code name} or {@code name=keyfile} api keys
   * @param destination {@code group/project}, {@code group} or {@code id:type}
   */
  public record Changes(
      boolean fresh, List<String> options, List<String> inputs, Optional<String> destination) {
    public Changes {
      options = List.copyOf(options);
      inputs = List.copyOf(inputs);
    }

    public static Changes none() {
      return new Changes(false, List.of(), List.of(), Optional.empty());
    }

    public boolean isEmpty() {
      return !fresh && options.isEmpty() && inputs.isEmpty() && destination.isEmpty();
    }
  }

  /**
   * The gear's current invocation: its config.json, or the manifest's defaults when there is none
   * yet.
   */
  public GearConfigFile current(LocalGear gear) {
    Path file = gear.configFile();
    if (Files.isRegularFile(file)) {
      return GearConfigFile.read(file, gear.display(file));
    }
    return ConfigEditor.defaults(gear.manifest());
  }

  /**
   * Applies the changes to a copy of the invocation; returns the result, or throws an {@link
   * InvalidInputException} with every refused change. Nothing is written.
   */
  public GearConfigFile edit(LocalGear gear, GearConfigFile start, Changes changes) {
    GearConfigFile base = changes.fresh() ? ConfigEditor.defaults(gear.manifest()) : start.copy();
    ConfigEditor editor = new ConfigEditor(gear, base, workingDir, keys);
    changes.options().forEach(editor::setOption);
    changes.inputs().forEach(editor::setInput);
    changes.destination().ifPresent(editor::setDestination);
    if (!editor.problems().isEmpty()) {
      throw new InvalidInputException(editor.problems());
    }
    return editor.invocation();
  }

  /** Applies the changes to the gear's config.json and writes it atomically. */
  public GearConfigFile apply(LocalGear gear, Changes changes) {
    GearConfigFile start = changes.fresh() ? ConfigEditor.defaults(gear.manifest()) : current(gear);
    GearConfigFile result = edit(gear, start, changes);
    result.write(gear.configFile());
    return result;
  }
}
