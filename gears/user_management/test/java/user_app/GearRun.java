package user_app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.engine.LoggedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Runs the gear the way Flywheel runs a gear-bot gear, in this process: a base folder with
 * manifest.json, config.json and {@code input/user_file/<file>}, the AWS environment of the local
 * Flywheel (the gear bot's key is in its SSM), then the engine with {@link Run#run}.
 */
final class GearRun {
  static final Path MANIFEST = Path.of("src/docker/manifest.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private GearRun() {}

  static Path prepare(Path base, Path userFile, Map<String, Object> config) throws IOException {
    Files.createDirectories(base);
    Files.copy(MANIFEST, base.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING);
    Path inputDir = base.resolve("input").resolve(Run.USER_FILE);
    Files.createDirectories(inputDir);
    Path input = inputDir.resolve(userFile.getFileName());
    Files.copy(userFile, input, StandardCopyOption.REPLACE_EXISTING);
    ObjectNode root = JSON.createObjectNode();
    ObjectNode configNode = root.putObject("config");
    config.forEach((name, value) -> configNode.set(name, JSON.valueToTree(value)));
    ObjectNode file = root.putObject("inputs").putObject(Run.USER_FILE);
    file.put("base", "file");
    file.putObject("location")
        .put("path", input.toString())
        .put("name", input.getFileName().toString());
    file.putObject("object").put("type", "source code").put("size", Files.size(input));
    Files.writeString(
        base.resolve("config.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    return base;
  }

  /** Runs {@link Run} on {@code base} with this environment, with fast retries. */
  static LoggedRun run(Path base, Map<String, String> environment) {
    return LoggedRun.inFolder(base, environment, Run::run);
  }
}
