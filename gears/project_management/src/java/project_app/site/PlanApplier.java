package project_app.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import project_app.plan.Change;
import project_app.plan.Plan;
import project_app.state.ProjectState;
import project_app.state.SiteState;

/**
 * Makes the writes of a plan in order, logging each one as it is done. Projects are addressed by
 * {@code group/label} in a plan; their ids come from the site state the plan was made from or from
 * the create that made them.
 */
public final class PlanApplier {
  private static final Logger LOG = LoggerFactory.getLogger(PlanApplier.class);

  private final Site site;

  public PlanApplier(Site site) {
    this.site = site;
  }

  /**
   * @return the changes that were made, in order (all of them unless one failed)
   */
  public List<Change> apply(Plan plan, SiteState state) {
    Map<String, String> projectIds = new HashMap<>();
    state.projects().values().stream()
        .flatMap(List::stream)
        .forEach(project -> projectIds.putIfAbsent(path(project), project.id()));
    List<Change> done = new ArrayList<>();
    for (Change change : plan.changes()) {
      try {
        apply(change, projectIds);
      } catch (RuntimeException e) {
        // A rerun picks up from here: the plan is recomputed from what is on the site.
        LOG.error(
            "Stopped after {} of {} writes; could not {}",
            done.size(),
            plan.changes().size(),
            change.describe());
        throw e;
      }
      LOG.info("{}", capitalised(change.describe()));
      done.add(change);
    }
    return done;
  }

  private void apply(Change change, Map<String, String> projectIds) {
    if (change instanceof Change.CreateGroup c) {
      site.createGroup(c.groupId(), c.label());
    } else if (change instanceof Change.AddGroupTag c) {
      site.addGroupTag(c.groupId(), c.tag());
    } else if (change instanceof Change.AddGroupRole c) {
      site.addGroupRole(c.groupId(), c.role().id());
    } else if (change instanceof Change.SetGroupAccess c) {
      if (c.isUpdate()) {
        site.updateGroupPermission(c.groupId(), c.userId(), c.access());
      } else {
        site.addGroupPermission(c.groupId(), c.userId(), c.access());
      }
    } else if (change instanceof Change.CreateProject c) {
      projectIds.put(c.container(), site.createProject(c.groupId(), c.label()));
    } else if (change instanceof Change.AddProjectTag c) {
      site.addProjectTag(projectId(c.container(), projectIds), c.tag());
    } else if (change instanceof Change.SetProjectRoles c) {
      String id = projectId(c.container(), projectIds);
      if (c.update()) {
        site.updateProjectPermission(id, c.userId(), c.roleIds());
      } else {
        site.addProjectPermission(id, c.userId(), c.roleIds());
      }
    }
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

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
