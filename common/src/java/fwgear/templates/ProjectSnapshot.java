package fwgear.templates;

import fwgear.flywheel.GearRule;
import fwgear.flywheel.Project;
import fwgear.flywheel.ViewerApp;
import java.util.List;

/**
 * What a template copy reads of a project: the project (description, role assignments, files with
 * their hashes), its gear rules and its viewer apps.
 */
public record ProjectSnapshot(Project project, List<GearRule> rules, List<ViewerApp> apps) {
  public ProjectSnapshot {
    rules = List.copyOf(rules);
    apps = List.copyOf(apps);
  }

  public String id() {
    return project.id();
  }

  /** {@code group/label}. */
  public String path() {
    return project.group() + "/" + project.label();
  }
}
