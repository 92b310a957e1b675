package fwgear.tools.local;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.manifest.ConfigDirective;
import fwgear.manifest.InputSpec;
import fwgear.problem.Problem;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a local invocation is complete enough to run: every value allowed by its directive, every
 * required config key and input set, every file input's local file present. Problems name the
 * config.json key and the command that fixes it.
 */
public final class InvocationCheck {
  private InvocationCheck() {}

  public static List<Problem> problems(LocalGear gear, GearConfigFile invocation) {
    String file = gear.display(gear.configFile());
    String fix = "./gear config " + gear.display(gear.folder());
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, ConfigDirective> entry : gear.manifest().config().entrySet()) {
      String key = entry.getKey();
      JsonNode value = invocation.config().get(key);
      if (value == null) {
        if (!entry.getValue().optional()) {
          problems.add(
              Problem.error(
                  file,
                  invocation.lineOf("config." + key),
                  "config." + key,
                  "config-missing",
                  "required config key '" + key + "' is not set (" + fix + " -c " + key + "=...)"));
        }
        continue;
      }
      for (String reason : entry.getValue().check(value)) {
        problems.add(
            Problem.error(
                file,
                invocation.lineOf("config." + key),
                "config." + key,
                "config-value",
                key + ": " + reason));
      }
    }
    for (Map.Entry<String, InputSpec> entry : gear.manifest().inputs().entrySet()) {
      String name = entry.getKey();
      InputSpec input = entry.getValue();
      JsonNode value = invocation.inputs().get(name);
      boolean set = value != null && value.isObject();
      if (!set) {
        if (!input.optional() && !ConfigEditor.CONTEXT.equals(input.base())) {
          String how = ConfigEditor.API_KEY.equals(input.base()) ? name : name + "=PATH";
          problems.add(
              Problem.error(
                  file,
                  invocation.lineOf("inputs." + name),
                  "inputs." + name,
                  "input-missing",
                  "required input '" + name + "' is not set (" + fix + " -i " + how + ")"));
        }
        continue;
      }
      if (ConfigEditor.FILE.equals(input.base())) {
        String path = value.path("location").path("path").asText("");
        if (path.isEmpty() || !Files.isRegularFile(gear.root().resolve(path))) {
          problems.add(
              Problem.error(
                  file,
                  invocation.lineOf("inputs." + name + ".location.path"),
                  "inputs." + name + ".location.path",
                  "input-file",
                  "the file of input '" + name + "' does not exist: " + path));
        }
      }
      if (ConfigEditor.API_KEY.equals(input.base()) && value.path("key").asText("").isBlank()) {
        problems.add(
            Problem.error(
                file,
                invocation.lineOf("inputs." + name + ".key"),
                "inputs." + name + ".key",
                "input-api-key",
                "input '" + name + "' has no key (" + fix + " -i " + name + ")"));
      }
    }
    return problems;
  }
}
