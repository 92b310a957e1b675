package fwgear.flywheel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A viewer app of a project's settings ({@code viewer_apps}): kept as the JSON object Flywheel
 * gives, since the SDK's model drops fields (the seed bypasses it for that reason), and compared by
 * value.
 */
public record ViewerApp(ObjectNode json) {
  public ViewerApp {
    Objects.requireNonNull(json, "json");
    json = json.deepCopy();
  }

  public static ViewerApp of(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("a viewer app is a JSON object, not " + node);
    }
    return new ViewerApp(object);
  }

  public String name() {
    return json.path("name").asText("");
  }

  @Override
  public ObjectNode json() {
    return json.deepCopy();
  }
}
