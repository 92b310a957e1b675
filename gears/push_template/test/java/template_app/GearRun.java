package template_app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.engine.LoggedRun;
import fwgear.flywheel.ApiKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the gear the way Flywheel does, in this process: a base folder with manifest.json and
 * config.json (the api-key input), then the engine with {@link Run#run}.
 */
final class GearRun {
  static final Path MANIFEST = Path.of("src/docker/manifest.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private GearRun() {}

  static Path prepare(Path base, ApiKey key, Map<String, Object> config) throws IOException {
    Files.createDirectories(base);
    Files.copy(
        MANIFEST, base.resolve("manifest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ObjectNode root = JSON.createObjectNode();
    ObjectNode configNode = root.putObject("config");
    configNode.put("dry_run", false).put("admin_group", "nacc").put("new_only", false);
    config.forEach((name, value) -> configNode.set(name, JSON.valueToTree(value)));
    ObjectNode inputs = root.putObject("inputs");
    inputs.putObject(Run.API_KEY).put("base", "api-key").put("key", key.reveal());
    root.putObject("destination").put("type", "group").put("id", "nacc");
    Files.writeString(
        base.resolve("config.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    return base;
  }

  /** Runs {@link Run} on {@code base}, with fast retries (tests inject faults). */
  static LoggedRun run(Path base) {
    return LoggedRun.inFolder(base, Map.of(), Run::run);
  }
}
