package project_app.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import project_app.state.GroupState;
import project_app.state.ProjectState;
import project_app.state.SiteState;

/**
 * Reads the part of Flywheel a plan depends on: each group the file names and, for those that
 * exist, their projects. Two requests per existing group, one per absent group.
 */
public final class SiteReader {
  private final Site site;

  public SiteReader(Site site) {
    this.site = site;
  }

  public SiteState read(List<String> groupIds) {
    Map<String, GroupState> groups = new HashMap<>();
    Map<String, List<ProjectState>> projects = new HashMap<>();
    for (String id : groupIds) {
      site.group(id)
          .ifPresent(
              group -> {
                groups.put(id, group);
                projects.put(id, site.projects(id));
              });
    }
    return new SiteState(groups, projects);
  }
}
