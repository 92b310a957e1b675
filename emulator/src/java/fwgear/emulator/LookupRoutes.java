package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/lookup} and {@code POST /api/resolve} with {@code {"path": [...]}}: a container
 * by its human path, as the Flywheel SDK's {@code fw.lookup("group/project")} and {@code
 * fw.resolve(...)} do: {@code [group]}, {@code [group, project label]}, {@code [group, project
 * label, "files", name]}, {@code ["gears", name]} (latest version) or {@code ["gears", name,
 * version]}; a segment {@code <id:X>} matches by id instead of label or name. Lookup answers the
 * last node; resolve answers {@code {"path": [nodes], "children": [nodes]}} (an empty path: the
 * groups the caller can see; a group: its projects; a project: its files; {@code ["gears"]}: the
 * gears). Every node carries {@code container_type}.
 */
final class LookupRoutes {
  private final Store store;
  private final Access access;

  LookupRoutes(Store store, Access access) {
    this.store = store;
    this.access = access;
  }

  void register(Router router) {
    router.add("POST", "/api/lookup", this::lookup).add("POST", "/api/resolve", this::resolve);
  }

  private record Resolved(List<ObjectNode> path, List<ObjectNode> children) {}

  private Reply lookup(Call call) {
    List<String> parts = parts(call);
    Resolved resolved = resolve(call.caller(), parts, false);
    if (resolved.path().isEmpty()) {
      throw notFound(parts);
    }
    return Reply.ok(resolved.path().get(resolved.path().size() - 1));
  }

  private Reply resolve(Call call) {
    Resolved resolved = resolve(call.caller(), parts(call), true);
    ObjectNode answer = NODES.objectNode();
    answer.putArray("path").addAll(resolved.path());
    answer.putArray("children").addAll(resolved.children());
    return Reply.ok(answer);
  }

  private static List<String> parts(Call call) {
    Body body = Body.of(call, "path");
    List<String> parts = body.requiredTexts("path");
    if (parts.stream().anyMatch(String::isEmpty)) {
      throw ApiError.badField("path", "path: a segment cannot be empty");
    }
    return parts;
  }

  private Resolved resolve(Caller caller, List<String> parts, boolean withChildren) {
    List<ObjectNode> path = new ArrayList<>();
    List<ObjectNode> children = new ArrayList<>();
    if (parts.isEmpty()) {
      if (withChildren) {
        for (ObjectNode group : store.list("groups")) {
          if (access.canRead(caller, group)) {
            children.add(typed(group, "group"));
          }
        }
      }
      return new Resolved(path, children);
    }
    if (parts.get(0).equals("gears")) {
      return gears(parts, withChildren);
    }
    String groupId = byId(parts.get(0)).orElse(parts.get(0));
    ObjectNode group = access.readableGroup(caller, groupId);
    path.add(typed(group, "group"));
    List<ObjectNode> projects =
        store.list("projects").stream()
            .filter(p -> p.path("group").asText().equals(groupId))
            .toList();
    if (parts.size() == 1) {
      if (withChildren) {
        for (ObjectNode project : projects) {
          if (access.canRead(caller, groupId, project)) {
            children.add(typed(project, "project"));
          }
        }
      }
      return new Resolved(path, children);
    }
    ObjectNode project =
        projects.stream()
            .filter(p -> matches(parts.get(1), p, "label"))
            .findFirst()
            .orElseThrow(() -> notFound(parts));
    access.readableProject(caller, project.path("_id").asText());
    path.add(typed(project, "project"));
    if (parts.size() == 2) {
      if (withChildren) {
        for (JsonNode file : project.path("files")) {
          children.add(typed((ObjectNode) file, "file"));
        }
      }
      return new Resolved(path, children);
    }
    if (parts.size() == 4 && parts.get(2).equals("files")) {
      for (JsonNode file : project.path("files")) {
        if (matches(parts.get(3), file, "name")) {
          path.add(typed((ObjectNode) file, "file"));
          return new Resolved(path, children);
        }
      }
    }
    throw notFound(parts);
  }

  private Resolved gears(List<String> parts, boolean withChildren) {
    List<ObjectNode> children = new ArrayList<>();
    if (parts.size() == 1) {
      if (withChildren) {
        store.list("gears").stream()
            .filter(g -> !g.path("disabled").asBoolean(false))
            .forEach(g -> children.add(typed(g, "gear")));
      }
      return new Resolved(List.of(), children);
    }
    if (parts.size() > 3) {
      throw notFound(parts);
    }
    ObjectNode gear =
        store.list("gears").stream()
            .filter(g -> !g.path("disabled").asBoolean(false))
            .filter(
                g ->
                    byId(parts.get(1)).map(id -> g.path("_id").asText().equals(id)).orElse(false)
                        || g.path("gear").path("name").asText().equals(parts.get(1)))
            .filter(
                g ->
                    parts.size() == 2
                        || g.path("gear").path("version").asText().equals(parts.get(2)))
            .max(Comparator.comparing(g -> g.path("created").asText()))
            .orElseThrow(() -> notFound(parts));
    return new Resolved(List.of(typed(gear, "gear")), children);
  }

  /** {@code <id:X>} is X. */
  private static Optional<String> byId(String segment) {
    return segment.startsWith("<id:") && segment.endsWith(">")
        ? Optional.of(segment.substring(4, segment.length() - 1))
        : Optional.empty();
  }

  private static boolean matches(String segment, JsonNode node, String field) {
    Optional<String> id = byId(segment);
    return id.isPresent()
        ? node.path("_id").asText().equals(id.get())
        : node.path(field).asText().equals(segment);
  }

  private static ObjectNode typed(ObjectNode document, String type) {
    ObjectNode copy = document.deepCopy();
    copy.put("container_type", type);
    return copy;
  }

  private static ApiError notFound(List<String> parts) {
    return ApiError.notFound("No node matched the path " + String.join("/", parts));
  }
}
