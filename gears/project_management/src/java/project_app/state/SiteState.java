package project_app.state;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the gear read from Flywheel before planning: the groups the project file names (absent ones
 * are simply missing) and the projects of the groups that exist.
 */
public record SiteState(Map<String, GroupState> groups, Map<String, List<ProjectState>> projects) {

  public SiteState {
    groups = Map.copyOf(groups);
    projects = Map.copyOf(projects);
  }

  public static SiteState empty() {
    return new SiteState(Map.of(), Map.of());
  }

  public Optional<GroupState> group(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  /** The projects of a group with a label; more than one only on a site that was built by hand. */
  public List<ProjectState> projects(String groupId, String label) {
    return projects.getOrDefault(groupId, List.of()).stream()
        .filter(project -> project.label().equals(label))
        .toList();
  }
}
