package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code POST /api/lookup} with {@code {"path": [...]}}: a container by its human path, as the
 * Flywheel SDK's {@code fw.lookup("group/project")} does: {@code [group]}, {@code [group, project
 * label]}, {@code [group, project label, "files", name]}, {@code ["gears", name]} (latest version)
 * or {@code ["gears", name, version]}. The answer carries {@code container_type}.
 */
final class LookupRoutes {
  private final Store store;
  private final Access access;

  LookupRoutes(Store store, Access access) {
    this.store = store;
    this.access = access;
  }

  void register(Router router) {
    router.add("POST", "/api/lookup", this::lookup);
  }

  private Reply lookup(Call call) {
    JsonNode path = call.objectBody().path("path");
    if (!path.isArray() || path.isEmpty()) {
      throw ApiError.badRequest("The body must be {\"path\": [\"<group>\", ...]}");
    }
    List<String> parts = new ArrayList<>();
    path.forEach(part -> parts.add(part.asText()));
    if (parts.get(0).equals("gears")) {
      return Reply.ok(typed(gear(parts), "gear"));
    }
    ObjectNode group = access.readableGroup(call.caller(), parts.get(0));
    if (parts.size() == 1) {
      return Reply.ok(typed(group, "group"));
    }
    ObjectNode project =
        store.list("projects").stream()
            .filter(p -> p.path("group").asText().equals(parts.get(0)))
            .filter(p -> p.path("label").asText().equals(parts.get(1)))
            .findFirst()
            .orElseThrow(() -> notFound(parts));
    access.readableProject(call.caller(), project.path("_id").asText());
    if (parts.size() == 2) {
      return Reply.ok(typed(project, "project"));
    }
    if (parts.size() == 4 && parts.get(2).equals("files")) {
      for (JsonNode file : project.path("files")) {
        if (file.path("name").asText().equals(parts.get(3))) {
          return Reply.ok(typed((ObjectNode) file, "file"));
        }
      }
    }
    throw notFound(parts);
  }

  private ObjectNode gear(List<String> parts) {
    if (parts.size() < 2 || parts.size() > 3) {
      throw notFound(parts);
    }
    return store.list("gears").stream()
        .filter(g -> g.path("gear").path("name").asText().equals(parts.get(1)))
        .filter(
            g -> parts.size() == 2 || g.path("gear").path("version").asText().equals(parts.get(2)))
        .max(Comparator.comparing(g -> g.path("created").asText()))
        .orElseThrow(() -> notFound(parts));
  }

  private static ObjectNode typed(ObjectNode document, String type) {
    ObjectNode copy = document.deepCopy();
    copy.put("container_type", type);
    return copy;
  }

  private static ApiError notFound(List<String> parts) {
    return ApiError.notFound("Cannot find " + String.join("/", parts));
  }
}
