package project_app.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group as Flywheel has it now.
 *
 * @param roleIds the group's pool of project roles
 * @param permissions user id to access level ({@code ro}, {@code rw}, {@code admin}), in order
 */
public record GroupState(
    String id,
    String label,
    List<String> tags,
    List<String> roleIds,
    Map<String, String> permissions) {

  public GroupState {
    tags = List.copyOf(tags);
    roleIds = List.copyOf(roleIds);
    permissions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(permissions));
  }
}
