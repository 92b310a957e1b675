package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see and change what. Site admins may do everything. Group permissions are access levels
 * ({@code ro}, {@code rw}, {@code admin}); a project is also reachable through its own permissions,
 * which carry role ids (a role labelled {@code admin} manages the project).
 */
final class Access {
  private final Store store;

  Access(Store store) {
    this.store = store;
  }

  /** The group, or 404; 403 when the caller has no access to it. */
  ObjectNode readableGroup(Caller caller, String groupId) {
    ObjectNode group = group(groupId);
    if (!canRead(caller, group)) {
      throw ApiError.forbidden("User " + caller.userId() + " has no access to group " + groupId);
    }
    return group;
  }

  ObjectNode group(String groupId) {
    return store
        .get("groups", groupId)
        .orElseThrow(() -> ApiError.notFound("Group " + groupId + " not found"));
  }

  void requireGroupAccess(Caller caller, ObjectNode group, Set<String> levels) {
    if (!caller.siteAdmin() && !levels.contains(groupAccess(caller, group).orElse(""))) {
      throw ApiError.forbidden(
          "User "
              + caller.userId()
              + " needs "
              + String.join(" or ", levels)
              + " access to group "
              + group.path("_id").asText());
    }
  }

  boolean canRead(Caller caller, ObjectNode group) {
    return caller.siteAdmin() || groupAccess(caller, group).isPresent();
  }

  Optional<String> groupAccess(Caller caller, JsonNode group) {
    for (JsonNode permission : group.path("permissions")) {
      if (permission.path("_id").asText().equals(caller.userId())) {
        return Optional.of(permission.path("access").asText());
      }
    }
    return Optional.empty();
  }

  ObjectNode project(String projectId) {
    return store
        .get("projects", projectId)
        .orElseThrow(() -> ApiError.notFound("Project " + projectId + " not found"));
  }

  ObjectNode readableProject(Caller caller, String projectId) {
    ObjectNode project = project(projectId);
    if (!canRead(caller, project.path("group").asText(), project)) {
      throw ApiError.forbidden(
          "User " + caller.userId() + " has no access to project " + projectId);
    }
    return project;
  }

  boolean canRead(Caller caller, String groupId, JsonNode project) {
    if (caller.siteAdmin() || projectRoles(caller, project).iterator().hasNext()) {
      return true;
    }
    return store.get("groups", groupId).map(g -> groupAccess(caller, g).isPresent()).orElse(false);
  }

  /** The project, or 404/403; writable by group rw/admin members and project admins. */
  ObjectNode writableProject(Caller caller, String projectId) {
    ObjectNode project = readableProject(caller, projectId);
    if (!canWrite(caller, project)) {
      throw ApiError.forbidden("User " + caller.userId() + " may not change project " + projectId);
    }
    return project;
  }

  boolean canWrite(Caller caller, JsonNode project) {
    if (caller.siteAdmin()) {
      return true;
    }
    Optional<String> access =
        store.get("groups", project.path("group").asText()).flatMap(g -> groupAccess(caller, g));
    if (access.isPresent() && !access.get().equals("ro")) {
      return true;
    }
    for (JsonNode roleId : projectRoles(caller, project)) {
      if (store
          .get("roles", roleId.asText())
          .map(r -> r.path("label").asText().equals("admin"))
          .orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode projectRoles(Caller caller, JsonNode project) {
    for (JsonNode permission : project.path("permissions")) {
      if (permission.path("_id").asText().equals(caller.userId())) {
        return permission.path("role_ids");
      }
    }
    return MissingNode.getInstance();
  }

  void requireSiteAdmin(Caller caller, String what) {
    if (!caller.siteAdmin()) {
      throw ApiError.forbidden("Only site admins may " + what);
    }
  }
}
