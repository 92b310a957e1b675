package fwgear.tools.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.flywheel.ApiKey;
import fwgear.manifest.InputSpec;
import fwgear.problem.InvalidInputException;
import fwgear.tools.buildfile.Gear;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code ./gear config}: edits a gear's local invocation ({@code src/docker/config.json}) the way
 * {@code fw-beta gear config} does. All changes of one command are applied together or not at all.
 */
public final class ConfigService {
  private final Path workingDir;
  private final ApiKeySource keys;
  private final DestinationLookup lookup;
  private final Consumer<String> notes;

  /** A service that leaves a destination path unresolved (no site is contacted). */
  public ConfigService(Path workingDir, ApiKeySource keys) {
    this(workingDir, keys, DestinationLookup.NONE, note -> {});
  }

  /**
   * @param lookup resolves a destination path to an id with the configured API key
   * @param notes receives a line when a destination path could not be resolved
   */
  public ConfigService(
      Path workingDir, ApiKeySource keys, DestinationLookup lookup, Consumer<String> notes) {
    this.workingDir = workingDir;
    this.keys = keys;
    this.lookup = lookup;
    this.notes = notes;
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
  public GearConfigFile current(Gear gear) {
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
  public GearConfigFile edit(Gear gear, GearConfigFile start, Changes changes) {
    GearConfigFile base = changes.fresh() ? ConfigEditor.defaults(gear.manifest()) : start.copy();
    ConfigEditor editor = new ConfigEditor(gear, base, workingDir, keys);
    changes.options().forEach(editor::setOption);
    changes.inputs().forEach(editor::setInput);
    changes.destination().ifPresent(editor::setDestination);
    if (!editor.problems().isEmpty()) {
      throw new InvalidInputException(editor.problems());
    }
    GearConfigFile result = editor.invocation();
    if (changes.destination().isPresent()) {
      resolveDestination(gear, result);
    }
    return result;
  }

  /**
   * With an API key configured, a destination path gets the id of the container on the key's site;
   * otherwise (or when it is not there) the path stands in for the id.
   */
  private void resolveDestination(Gear gear, GearConfigFile invocation) {
    ObjectNode destination = invocation.destination();
    String path = destination.path("path").asText("");
    if (path.isEmpty()) {
      return;
    }
    Optional<ApiKey> key =
        gear.manifest().inputs().values().stream()
            .filter(InputSpec::isApiKey)
            .map(input -> invocation.inputs().path(input.name()).path("key").asText(""))
            .filter(text -> !text.isBlank())
            .findFirst()
            .flatMap(ConfigService::parseKey);
    if (key.isEmpty()) {
      notes.accept(
          "the destination "
              + path
              + " is kept as a path: set the API key first to look its id up on the site");
      return;
    }
    String type = destination.path("type").asText();
    DestinationLookup.Result result = lookup.find(key.get(), type, path);
    if (result instanceof DestinationLookup.Found found) {
      destination.put("id", found.id());
    } else if (result instanceof DestinationLookup.NotFound notFound) {
      notes.accept("the destination " + path + " is kept as a path: " + notFound.reason());
    }
  }

  private static Optional<ApiKey> parseKey(String text) {
    try {
      return Optional.of(ApiKey.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Applies the changes to the gear's config.json and writes it atomically. */
  public GearConfigFile apply(Gear gear, Changes changes) {
    GearConfigFile start = changes.fresh() ? ConfigEditor.defaults(gear.manifest()) : current(gear);
    GearConfigFile result = edit(gear, start, changes);
    result.write(gear.configFile());
    return result;
  }
}
