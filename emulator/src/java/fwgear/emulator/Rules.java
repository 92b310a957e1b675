package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The gear-rule document and its checks (reference part 2, section 1): the keys Flywheel knows, a
 * gear that exists, at least one condition, regular expressions that compile, config keys the
 * gear's manifest declares, and fixed inputs that name a gear input and a file that exists.
 */
final class Rules {
  static final Set<String> KEYS =
      Set.of(
          "_id",
          "project_id",
          "gear_id",
          "role_id",
          "name",
          "config",
          "fixed_inputs",
          "auto_update",
          "any",
          "all",
          "not",
          "disabled",
          "compute_provider_id",
          "triggering_input",
          "priority",
          "revision",
          "created",
          "modified");
  private static final Set<String> OUTPUT_ONLY = Set.of("revision", "created", "modified");
  static final Set<String> CONDITION_TYPES =
      Set.of(
          "file.type",
          "file.name",
          "file.modality",
          "file.classification",
          "file.tags",
          "file.parent_ref.type",
          "container.has-type",
          "container.has-classification",
          "gear.name",
          "gear.version");
  private static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "critical");

  private Rules() {}

  /**
   * A rule as stored, from a body (a whole rule, or for a modify the stored rule with the body's
   * fields over it).
   *
   * @throws ApiError 400, 404 or 422 as Flywheel answers them
   */
  static ObjectNode checked(Store store, String projectId, ObjectNode body) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw ApiError.badRequest("A gear rule has no field " + name);
      }
    }
    ObjectNode rule = NODES.objectNode();
    rule.put("project_id", projectId);
    String gearId = Containers.requiredText(body, "gear_id");
    ObjectNode gear =
        store
            .get("gears", gearId)
            .orElseThrow(() -> ApiError.notFound("Cannot find gear " + gearId));
    rule.put("gear_id", gearId);
    rule.put("name", Containers.requiredText(body, "name"));
    optionalText(body, rule, "role_id");
    optionalText(body, rule, "compute_provider_id");
    optionalText(body, rule, "triggering_input");
    if (body.hasNonNull("priority")) {
      String priority = body.get("priority").asText();
      if (!PRIORITIES.contains(priority)) {
        throw ApiError.badRequest("priority is low, medium, high or critical");
      }
      rule.put("priority", priority);
    }
    rule.put("auto_update", bool(body, "auto_update"));
    rule.put("disabled", bool(body, "disabled"));
    List<String> patterns = new ArrayList<>();
    int conditions = 0;
    for (String key : List.of("any", "all", "not")) {
      ArrayNode checked = rule.putArray(key);
      JsonNode list = body.path(key);
      if (list.isMissingNode() || list.isNull()) {
        continue;
      }
      if (!list.isArray()) {
        throw ApiError.badRequest(key + " must be a list of conditions");
      }
      for (JsonNode condition : list) {
        checked.add(condition(condition, patterns));
        if (!key.equals("not")) {
          conditions++;
        }
      }
    }
    if (conditions == 0) {
      throw ApiError.badRequest("Cannot create rule without any conditions");
    }
    List<String> broken = new ArrayList<>();
    for (String pattern : patterns) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        broken.add(pattern);
      }
    }
    if (!broken.isEmpty()) {
      throw ApiError.unprocessable("Cannot compile regex patterns: " + String.join(", ", broken));
    }
    JsonNode manifest = gear.path("gear");
    JsonNode config = body.path("config");
    if (config.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = config.fields(); fields.hasNext(); ) {
        String key = fields.next().getKey();
        if (!manifest.path("config").has(key)) {
          throw ApiError.unprocessable(
              "config did not match manifest: gear "
                  + manifest.path("name").asText()
                  + " has no config "
                  + key);
        }
      }
      rule.set("config", config);
    } else if (!config.isMissingNode() && !config.isNull()) {
      throw ApiError.badRequest("config must be an object");
    }
    if (rule.path("auto_update").asBoolean() && config.isObject() && !config.isEmpty()) {
      throw ApiError.badRequest("Gear rule cannot be auto-updated with a config");
    }
    ArrayNode fixed = rule.putArray("fixed_inputs");
    JsonNode given = body.path("fixed_inputs");
    if (!given.isMissingNode() && !given.isNull()) {
      if (!given.isArray()) {
        throw ApiError.badRequest("fixed_inputs must be a list");
      }
      for (JsonNode input : given) {
        fixed.add(fixedInput(store, manifest, input));
      }
    }
    return rule;
  }

  private static ObjectNode condition(JsonNode condition, List<String> patterns) {
    if (!condition.isObject()) {
      throw ApiError.badRequest("A condition is {type, value, regex?}");
    }
    for (Iterator<String> names = condition.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Set.of("type", "value", "regex").contains(name)) {
        throw ApiError.badRequest("A condition has no field " + name);
      }
    }
    String type = Containers.requiredText(condition, "type");
    if (!CONDITION_TYPES.contains(type)) {
      throw ApiError.badRequest("Unknown condition type " + type);
    }
    JsonNode value = condition.path("value");
    if (!value.isTextual()) {
      throw ApiError.badRequest("A condition's value is a string");
    }
    ObjectNode checked = NODES.objectNode().put("type", type).put("value", value.textValue());
    if (condition.has("regex")) {
      if (!condition.get("regex").isBoolean()) {
        throw ApiError.badRequest("A condition's regex is true or false");
      }
      checked.put("regex", condition.get("regex").booleanValue());
      if (condition.get("regex").booleanValue()) {
        patterns.add(value.textValue());
      }
    }
    return checked;
  }

  private static ObjectNode fixedInput(Store store, JsonNode manifest, JsonNode input) {
    if (!input.isObject()) {
      throw ApiError.badRequest("A fixed input is {type, id, name, input}");
    }
    String inputName = Containers.requiredText(input, "input");
    if (!manifest.path("inputs").has(inputName)) {
      throw ApiError.badRequest(
          "Gear " + manifest.path("name").asText() + " has no input " + inputName);
    }
    String type = Containers.requiredText(input, "type");
    String id = Containers.requiredText(input, "id");
    String name = Containers.requiredText(input, "name");
    if (!type.equals("project")) {
      throw ApiError.badRequest("Fixed inputs of this server come from projects, not " + type);
    }
    ObjectNode project =
        store
            .get("projects", id)
            .orElseThrow(() -> ApiError.notFound("Project " + id + " not found"));
    JsonNode file = null;
    for (JsonNode entry : project.path("files")) {
      if (entry.path("name").asText().equals(name)) {
        file = entry;
      }
    }
    if (file == null) {
      throw ApiError.notFound("File " + name + " not found in project " + id);
    }
    ObjectNode checked =
        NODES
            .objectNode()
            .put("type", type)
            .put("id", id)
            .put("name", name)
            .put("input", inputName);
    checked.put("version", input.path("version").asInt(file.path("version").asInt(1)));
    return checked;
  }

  /** The stored rule with the modify's fields over it (the output-only fields are ignored). */
  static ObjectNode merged(ObjectNode stored, ObjectNode changes) {
    ObjectNode merged = stored.deepCopy();
    changes.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
    merged.remove("_id");
    OUTPUT_ONLY.forEach(merged::remove);
    return merged;
  }

  private static void optionalText(JsonNode body, ObjectNode rule, String key) {
    JsonNode value = body.path(key);
    if (value.isMissingNode() || value.isNull()) {
      rule.putNull(key);
    } else if (value.isTextual()) {
      rule.put(key, value.textValue());
    } else {
      throw ApiError.badRequest(key + " must be a string");
    }
  }

  private static boolean bool(JsonNode body, String key) {
    JsonNode value = body.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw ApiError.badRequest(key + " must be true or false");
    }
    return value.booleanValue();
  }
}
