package fwgear.tools.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.context.GearArguments;
import fwgear.context.Invocation;
import fwgear.json.LocatedDocument;
import fwgear.problem.InvalidInputException;
import fwgear.tools.buildfile.Gear;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prepares a run folder as {@code fw-beta gear run --prepare} does: checks the invocation, then
 * lays out a fresh folder with the input files copied to {@code input/<name>/<file>}, the
 * config.json with each file input's path rewritten to where the gear sees it, and the manifest.
 */
public final class RunFolderPreparer {
  /** Where the gear sees its folder inside an image. */
  public static final String FLYWHEEL_BASE = "/flywheel/v0";

  private RunFolderPreparer() {}

  /** {@code <root>/tmp/gear/<name>_<version>}: the run folder of a gear. */
  public static Path defaultFolder(Gear gear) {
    return gear.root()
        .resolve("tmp")
        .resolve("gear")
        .resolve(gear.manifest().name() + "_" + gear.manifest().version());
  }

  /**
   * @param folder the run folder to (re)create; its old content is removed
   * @param gearBase the folder's path as the gear sees it: the folder itself for a local process,
   *     {@value #FLYWHEEL_BASE} inside an image
   */
  public static RunFolder prepare(
      Gear gear, GearConfigFile invocation, Path folder, String gearBase) {
    InvalidInputException.throwIfErrors(InvocationCheck.problems(gear, invocation));
    RunFolder run = new RunFolder(folder.toAbsolutePath().normalize());
    try {
      deleteRecursively(run.root());
      Files.createDirectories(run.input());
      Files.createDirectories(run.output());
      Files.createDirectories(run.work());
      GearConfigFile staged = invocation.copy();
      for (Map.Entry<String, JsonNode> entry : staged.inputs().properties()) {
        if (!ConfigEditor.FILE.equals(entry.getValue().path("base").asText())) {
          continue;
        }
        ObjectNode location = (ObjectNode) entry.getValue().path("location");
        Path source = gear.root().resolve(location.path("path").asText());
        String fileName = location.path("name").asText(source.getFileName().toString());
        Path target = run.input().resolve(entry.getKey()).resolve(fileName);
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        location.put("path", gearBase + "/input/" + entry.getKey() + "/" + fileName);
        location.put("name", fileName);
      }
      staged.write(run.configFile());
      Files.copy(gear.path(gear.manifestPath()), run.manifestFile());
      // What the gear's context will check when it opens, with the runtime's own rules: a
      // hand-edited config.json the gear would refuse is reported before anything runs.
      String display = gear.display(run.configFile());
      InvalidInputException.throwIfErrors(
          Invocation.resolve(
                  gear.manifest(),
                  Optional.of(LocatedDocument.readJson(run.configFile(), display)),
                  GearArguments.none(),
                  Map.of(),
                  run.root())
              .problems());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare the run folder " + gear.display(run.root()) + ": " + e.getMessage(), e);
    }
    return run;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
