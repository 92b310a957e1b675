package metadata_app;

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
 * manifest.json and config.json (no inputs), the AWS environment of the local Flywheel, then the
 * engine with {@link Run#run}.
 */
final class GearRun {
  static final Path MANIFEST = Path.of("src/docker/manifest.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private GearRun() {}

  static Path prepare(Path base, Map<String, Object> config) throws IOException {
    Files.createDirectories(base);
    Files.copy(MANIFEST, base.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING);
    ObjectNode root = JSON.createObjectNode();
    ObjectNode configNode = root.putObject("config");
    config.forEach((name, value) -> configNode.set(name, JSON.valueToTree(value)));
    root.putObject("inputs");
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
