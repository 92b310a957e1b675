package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** {@code /api/groups}: groups, their tags, permissions (access levels) and role pool. */
final class GroupRoutes {
  private static final Set<String> ACCESS = Set.of("ro", "rw", "admin");
  private static final Set<String> ADMIN = Set.of("admin");
  private static final Set<String> WRITE = Set.of("rw", "admin");

  private final Store store;
  private final Access access;

  GroupRoutes(Store store, Access access) {
    this.store = store;
    this.access = access;
  }

  void register(Router router) {
    router
        .add("GET", "/api/groups", this::list)
        .add("POST", "/api/groups", this::create)
        .add(
            "GET",
            "/api/groups/{gid}",
            c -> Reply.ok(access.readableGroup(c.caller(), c.param("gid"))))
        .add("PUT", "/api/groups/{gid}", this::modify)
        .add("DELETE", "/api/groups/{gid}", this::delete)
        .add("GET", "/api/groups/{gid}/tags", c -> Reply.ok(readable(c).path("tags")))
        .add("POST", "/api/groups/{gid}/tags", this::addTag)
        .add("DELETE", "/api/groups/{gid}/tags/{tag}", this::deleteTag)
        .add("GET", "/api/groups/{gid}/permissions", c -> Reply.ok(readable(c).path("permissions")))
        .add("POST", "/api/groups/{gid}/permissions", this::addPermission)
        .add("GET", "/api/groups/{gid}/permissions/{uid}", this::getPermission)
        .add("PUT", "/api/groups/{gid}/permissions/{uid}", this::updatePermission)
        .add("DELETE", "/api/groups/{gid}/permissions/{uid}", this::deletePermission)
        .add("GET", "/api/groups/{gid}/roles", this::listRoles)
        .add("POST", "/api/groups/{gid}/roles", this::addRole)
        .add("GET", "/api/groups/{gid}/roles/{rid}", this::getRole)
        .add("DELETE", "/api/groups/{gid}/roles/{rid}", this::removeRole);
  }

  private ObjectNode readable(Call call) {
    return access.readableGroup(call.caller(), call.param("gid"));
  }

  private ObjectNode withAccess(Call call, Set<String> levels) {
    ObjectNode group = readable(call);
    access.requireGroupAccess(call.caller(), group, levels);
    return group;
  }

  private Reply list(Call call) {
    return Listing.of(
        call,
        store.list("groups"),
        group ->
            call.flag("exhaustive") && call.caller().siteAdmin()
                || access.canRead(call.caller(), group),
        group -> group);
  }

  private Reply create(Call call) {
    access.requireSiteAdmin(call.caller(), "create groups");
    Body body = Body.of(call, "_id", "label", "providers", "editions");
    String id = Ids.groupId("_id", body.requiredText("_id"));
    String label = body.optionalLabel("label").orElse(id);
    Optional<ObjectNode> providers = body.object("providers");
    Optional<ObjectNode> editions = body.object("editions");
    String now = Ids.now();
    ObjectNode group = NODES.objectNode();
    group.put("_id", id);
    group.put("label", label);
    // As on Flywheel, the creator becomes the group's admin.
    group
        .putArray("permissions")
        .addObject()
        .put("_id", call.caller().userId())
        .put("access", "admin");
    group.putArray("permissions_template");
    group.putArray("roles");
    group.putArray("tags");
    group.set("providers", providers.orElse(NODES.objectNode()));
    group.set("editions", editions.orElse(NODES.objectNode()));
    group.put("created", now);
    group.put("modified", now);
    group.put("revision", 1);
    try {
      store.insert("groups", id, group);
    } catch (Store.DuplicateException e) {
      throw ApiError.conflict("Group " + id + " already exists");
    }
    return Reply.ok(Containers.insertedId(id));
  }

  private Reply modify(Call call) {
    withAccess(call, ADMIN);
    Optional<String> label = Body.of(call, "label").optionalLabel("label");
    Containers.change(
        store, "groups", call.param("gid"), group -> label.ifPresent(l -> group.put("label", l)));
    return Reply.ok(Containers.modified(1));
  }

  private Reply delete(Call call) {
    access.requireSiteAdmin(call.caller(), "delete groups");
    access.group(call.param("gid"));
    boolean hasProjects =
        store.list("projects").stream()
            .anyMatch(p -> p.path("group").asText().equals(call.param("gid")));
    if (hasProjects) {
      throw ApiError.badRequest("Group " + call.param("gid") + " still has projects");
    }
    store.delete("groups", call.param("gid"));
    return Reply.ok(Containers.deleted(1));
  }

  private Reply addTag(Call call) {
    withAccess(call, WRITE);
    String tag = Containers.tagValue(call);
    Containers.change(
        store,
        "groups",
        call.param("gid"),
        g -> {
          Containers.addTag(g, tag);
        });
    return Reply.ok(Containers.modified(1));
  }

  private Reply deleteTag(Call call) {
    withAccess(call, WRITE);
    Containers.change(
        store,
        "groups",
        call.param("gid"),
        g -> {
          Containers.removeTag(g, call.param("tag"));
        });
    return Reply.ok(Containers.modified(1));
  }

  private Reply addPermission(Call call) {
    withAccess(call, ADMIN);
    Body body = Body.of(call, "_id", "access");
    String userId = Ids.userId("_id", body.requiredText("_id"));
    String level = accessLevel(body);
    requireUser(userId);
    Containers.change(
        store,
        "groups",
        call.param("gid"),
        group -> {
          if (Containers.permission(group, userId).isPresent()) {
            throw ApiError.conflict("User " + userId + " already has a permission on this group");
          }
          Containers.permissions(group).addObject().put("_id", userId).put("access", level);
        });
    return Reply.ok(NODES.objectNode().put("_id", userId).put("access", level));
  }

  private Reply getPermission(Call call) {
    return Reply.ok(
        Containers.permission(readable(call), call.param("uid"))
            .orElseThrow(() -> ApiError.notFound("No permission for user " + call.param("uid"))));
  }

  private Reply updatePermission(Call call) {
    withAccess(call, ADMIN);
    String userId = call.param("uid");
    Body body = Body.of(call, "_id", "access");
    if (body.text("_id").isPresent() && !body.text("_id").get().equals(userId)) {
      throw ApiError.badField("_id", "_id differs from the user in the path");
    }
    String level = accessLevel(body);
    Containers.change(
        store,
        "groups",
        call.param("gid"),
        group -> {
          Containers.permission(group, userId)
              .orElseThrow(() -> ApiError.notFound("No permission for user " + userId))
              .put("access", level);
        });
    return Reply.ok(NODES.objectNode().put("_id", userId).put("access", level));
  }

  private Reply deletePermission(Call call) {
    withAccess(call, ADMIN);
    Containers.change(
        store,
        "groups",
        call.param("gid"),
        group -> {
          Containers.removePermission(group, call.param("uid"));
        });
    return Reply.ok(Containers.modified(1));
  }

  private Reply listRoles(Call call) {
    ArrayNode roles = NODES.arrayNode();
    for (JsonNode roleId : readable(call).path("roles")) {
      store.get("roles", roleId.asText()).ifPresent(roles::add);
    }
    return Reply.ok(roles);
  }

  private Reply addRole(Call call) {
    withAccess(call, ADMIN);
    String roleId = Ids.objectId("_id", Body.of(call, "_id").requiredText("_id"));
    ObjectNode role =
        store
            .get("roles", roleId)
            .orElseThrow(() -> ApiError.notFound("Role " + roleId + " not found"));
    Containers.change(
        store,
        "groups",
        call.param("gid"),
        group -> {
          ArrayNode roles = group.withArray("roles");
          for (JsonNode existing : roles) {
            if (existing.asText().equals(roleId)) {
              throw ApiError.conflict("Role " + roleId + " is already offered to the group");
            }
          }
          roles.add(roleId);
        });
    return Reply.ok(role);
  }

  private Reply getRole(Call call) {
    String roleId = call.param("rid");
    for (JsonNode existing : readable(call).path("roles")) {
      if (existing.asText().equals(roleId)) {
        return Reply.ok(
            store.get("roles", roleId).orElseThrow(() -> ApiError.notFound("Role not found")));
      }
    }
    throw ApiError.notFound("Role " + roleId + " is not offered to the group");
  }

  private Reply removeRole(Call call) {
    withAccess(call, ADMIN);
    String roleId = call.param("rid");
    Containers.change(
        store,
        "groups",
        call.param("gid"),
        group -> {
          Iterator<JsonNode> roles = group.withArray("roles").elements();
          while (roles.hasNext()) {
            if (roles.next().asText().equals(roleId)) {
              roles.remove();
              return;
            }
          }
          throw ApiError.notFound("Role " + roleId + " is not offered to the group");
        });
    return Reply.ok(Containers.modified(1));
  }

  private void requireUser(String userId) {
    if (store.get("users", userId).isEmpty()) {
      throw ApiError.notFound("User " + userId + " not found");
    }
  }

  private static String accessLevel(Body body) {
    String level = body.requiredText("access");
    if (!ACCESS.contains(level)) {
      throw ApiError.badField("access", "access must be ro, rw or admin, not " + level);
    }
    return level;
  }
}
