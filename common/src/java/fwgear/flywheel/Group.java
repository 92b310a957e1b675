package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
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

  public Optional<AccessPermission> permissionOf(String userId) {
    return permissions.stream().filter(p -> userId.equals(p.id())).findFirst();
  }
}
