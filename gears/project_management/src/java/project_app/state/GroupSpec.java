package project_app.state;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group as the project file wants it. Tags, roles and permissions are what must be present;
 * anything else the group has is left alone.
 *
 * @param permissions user id to access level
 */
public record GroupSpec(
    String id,
    String label,
    Set<String> tags,
    List<RoleRef> roles,
    Map<String, String> permissions) {

  public GroupSpec {
    tags = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(tags));
    roles = List.copyOf(roles);
    permissions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(permissions));
  }
}
