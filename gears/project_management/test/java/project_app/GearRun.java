package project_app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.engine.GearEngine;
import fwgear.engine.LoggedRun;
import fwgear.flywheel.ApiKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the gear the way Flywheel does, in this process: a base folder with manifest.json,
 * config.json and {@code input/project_file/<file>}, then the engine with {@link Run#run}.
 */
final class GearRun {
  static final Path MANIFEST = Path.of("src/docker/manifest.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private GearRun() {}

  /** Prepares {@code base} as a gear's /flywheel/v0. */
  static Path prepare(Path base, ApiKey key, Path projectFile, Map<String, Object> config)
      throws IOException {
    Files.createDirectories(base);
    Files.copy(
        MANIFEST, base.resolve("manifest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path inputDir = base.resolve("input").resolve(Run.PROJECT_FILE);
    Files.createDirectories(inputDir);
    Path input = inputDir.resolve(projectFile.getFileName());
    Files.copy(projectFile, input, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    ObjectNode root = JSON.createObjectNode();
    ObjectNode configNode = root.putObject("config");
    configNode.put("dry_run", false).put("admin_group", "nacc").put("new_only", false);
    config.forEach((name, value) -> configNode.set(name, JSON.valueToTree(value)));
    ObjectNode inputs = root.putObject("inputs");
    inputs.putObject(Run.API_KEY).put("base", "api-key").put("key", key.reveal());
    ObjectNode file = inputs.putObject(Run.PROJECT_FILE);
    file.put("base", "file");
    file.putObject("location")
        .put("path", input.toString())
        .put("name", input.getFileName().toString());
    file.putObject("object").put("type", "source code").put("size", Files.size(input));
    root.putObject("destination").put("type", "group").put("id", "nacc");
    Files.writeString(
        base.resolve("config.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    return base;
  }

  /** Runs {@link Run} on {@code base}, the environment (AWS settings) being {@code environment}. */
  static LoggedRun run(Path base, Map<String, String> environment) {
    return LoggedRun.of(
        GearEngine.create().withContext(builder -> builder.baseDir(base).environment(environment)),
        Run::run);
  }
}
