package fwgear.tools.local;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.flywheel.ApiKey;
import fwgear.manifest.ConfigDirective;
import fwgear.manifest.InputSpec;
import fwgear.tools.buildfile.Gear;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text of {@code ./gear config --show}: every config key with its type, default and value,
 * every input with its base and value, and the destination. API keys show their host only.
 */
public final class ConfigReport {
  private ConfigReport() {}

  public static String render(Gear gear, GearConfigFile invocation) {
    StringBuilder text = new StringBuilder();
    text.append("gear ")
        .append(gear.manifest().name())
        .append(' ')
        .append(gear.manifest().version())
        .append(": ")
        .append(gear.display(gear.configFile()))
        .append('\n');

    text.append("\nconfig:\n");
    List<String[]> configRows = new ArrayList<>();
    configRows.add(new String[] {"KEY", "TYPE", "DEFAULT", "VALUE"});
    for (Map.Entry<String, ConfigDirective> entry : gear.manifest().config().entrySet()) {
      ConfigDirective directive = entry.getValue();
      JsonNode value = invocation.config().get(entry.getKey());
      configRows.add(
          new String[] {
            entry.getKey(),
            (directive.types().isEmpty() ? "any" : String.join("|", directive.types()))
                + (directive.optional() ? " (optional)" : ""),
            directive.defaultValue().map(JsonNode::toString).orElse("-"),
            value == null ? (directive.optional() ? "-" : "(missing)") : value.toString()
          });
    }
    invocation
        .config()
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!gear.manifest().config().containsKey(key)) {
                configRows.add(
                    new String[] {
                      key, "(not in manifest)", "-", invocation.config().get(key).toString()
                    });
              }
            });
    table(text, configRows);

    text.append("\ninputs:\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "BASE", "VALUE"});
    for (Map.Entry<String, InputSpec> entry : gear.manifest().inputs().entrySet()) {
      InputSpec input = entry.getValue();
      JsonNode value = invocation.inputs().get(entry.getKey());
      rows.add(
          new String[] {
            entry.getKey(),
            input.base() + (input.optional() ? " (optional)" : ""),
            describeInput(input, value)
          });
    }
    table(text, rows);

    JsonNode destination = invocation.destination();
    text.append("\ndestination: ");
    if (destination.isEmpty()) {
      text.append("(none)\n");
    } else {
      String id = destination.path("id").asText("?");
      String path = destination.path("path").asText("");
      text.append(destination.path("type").asText("?")).append(' ');
      if (path.isEmpty()) {
        text.append(id);
      } else {
        text.append(path).append(path.equals(id) ? " (id not looked up)" : " (id " + id + ")");
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String describeInput(InputSpec input, JsonNode value) {
    if (value == null || value.isNull()) {
      // A context value comes from the project on Flywheel; locally it is simply not found.
      return input.optional() || input.isContext() ? "-" : "(missing)";
    }
    return switch (input.base()) {
      case ConfigEditor.API_KEY -> redacted(value.path("key").asText(""));
      case ConfigEditor.FILE ->
          value.path("location").path("path").asText("?")
              + " ("
              + value.path("object").path("type").asText("no type")
              + ", "
              + value.path("object").path("size").asLong()
              + " bytes)";
      case ConfigEditor.CONTEXT -> value.path("value").toString();
      default -> "(set)";
    };
  }

  /** The key's host and port, never its secret. */
  static String redacted(String key) {
    if (key.isBlank()) {
      return "(missing)";
    }
    try {
      return ApiKey.parse(key).toString();
    } catch (IllegalArgumentException e) {
      return "**** (not a valid key)";
    }
  }

  private static void table(StringBuilder text, List<String[]> rows) {
    if (rows.size() == 1) {
      text.append("  (none)\n");
      return;
    }
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
