package project_app.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project as Flywheel has it now.
 *
 * @param permissions user id to the ids of the roles the user has on the project
 */
public record ProjectState(
    String id,
    String groupId,
    String label,
    List<String> tags,
    Map<String, Set<String>> permissions) {

  public ProjectState {
    tags = List.copyOf(tags);
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    permissions.forEach((user, roles) -> copy.put(user, Set.copyOf(roles)));
    permissions = java.util.Collections.unmodifiableMap(copy);
  }
}
