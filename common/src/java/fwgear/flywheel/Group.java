package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Flywheel group: its id (lowercase), label, members' access levels, the ids of the project roles
 * it offers, and tags.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Group(
    @JsonProperty("_id") String id,
    String label,
    List<AccessPermission> permissions,
    List<String> roles,
    List<String> tags) {
  public Group {
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
    roles = roles == null ? List.of() : List.copyOf(roles);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A group as it would be right after its creation (used by dry runs). */
  public static Group unsaved(String id, String label) {
    return new Group(id, label, List.of(), List.of(), List.of());
  }

  public Group withTag(String tag) {
    return new Group(id, label, permissions, roles, plus(tags, tag));
  }

  public Group withRole(String roleId) {
    return new Group(id, label, permissions, plus(roles, roleId), tags);
  }

  /** This group with the user's access level added or replaced. */
  public Group withPermission(AccessPermission permission) {
    List<AccessPermission> changed = new ArrayList<>();
    permissions.stream().filter(p -> !permission.id().equals(p.id())).forEach(changed::add);
    changed.add(permission);
    return new Group(id, label, changed, roles, tags);
  }

  private static List<String> plus(List<String> list, String value) {
    List<String> changed = new ArrayList<>(list);
    changed.add(value);
    return changed;
  }

  public Optional<AccessPermission> permissionOf(String userId) {
    return permissions.stream().filter(p -> userId.equals(p.id())).findFirst();
  }
}
