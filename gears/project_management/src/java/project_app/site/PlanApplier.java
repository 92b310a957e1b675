package project_app.site;

import fwgear.plan.Applier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import project_app.plan.Change;
import project_app.state.ProjectState;
import project_app.state.SiteState;

/**
 * The gear's steps for the common {@link Applier}: one site operation per change type. Projects are
 * addressed by {@code group/label} in a plan; their ids come from the site state the plan was made
 * from or from the create that made them.
 */
public final class PlanApplier {
  private PlanApplier() {}

  /** An applier for a plan made from {@code state}. */
  public static Applier<Change> of(Site site, SiteState state) {
    Map<String, String> projectIds = new HashMap<>();
    state.projects().values().stream()
        .flatMap(List::stream)
        .forEach(project -> projectIds.putIfAbsent(path(project), project.id()));
    return Applier.<Change>builder()
        .on(Change.CreateGroup.class, c -> site.createGroup(c.groupId(), c.label()))
        .on(Change.AddGroupTag.class, c -> site.addGroupTag(c.groupId(), c.tag()))
        .on(Change.AddGroupRole.class, c -> site.addGroupRole(c.groupId(), c.role().id()))
        .on(
            Change.SetGroupAccess.class,
            c -> {
              if (c.isUpdate()) {
                site.updateGroupPermission(c.groupId(), c.userId(), c.access());
              } else {
                site.addGroupPermission(c.groupId(), c.userId(), c.access());
              }
            })
        .on(
            Change.CreateProject.class,
            c -> projectIds.put(c.container(), site.createProject(c.groupId(), c.label())))
        .on(
            Change.AddProjectTag.class,
            c -> site.addProjectTag(projectId(c.container(), projectIds), c.tag()))
        .on(
            Change.SetProjectRoles.class,
            c -> {
              String id = projectId(c.container(), projectIds);
              if (c.update()) {
                site.updateProjectPermission(id, c.userId(), c.roleIds());
              } else {
                site.addProjectPermission(id, c.userId(), c.roleIds());
              }
            })
        .build();
  }

  private static String projectId(String path, Map<String, String> projectIds) {
    String id = projectIds.get(path);
    if (id == null) {
      throw new IllegalStateException("no id for project " + path + " (the plan is out of order)");
    }
    return id;
  }

  private static String path(ProjectState project) {
    return project.groupId() + "/" + project.label();
  }
}
