package project_app.state;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project as the project file wants it: present in its group, with at least these tags and, per
 * user, at least these roles.
 */
public record ProjectSpec(
    String groupId, String label, Set<String> tags, Map<String, List<RoleRef>> userRoles) {

  public ProjectSpec {
    tags = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(tags));
    Map<String, List<RoleRef>> copy = new LinkedHashMap<>();
    userRoles.forEach((user, roles) -> copy.put(user, List.copyOf(roles)));
    userRoles = java.util.Collections.unmodifiableMap(copy);
  }

  /** {@code group/label}, as people write a project's path. */
  public String path() {
    return groupId + "/" + label;
  }
}
