package template_app.plan;

import fwgear.flywheel.FileEntry;
import fwgear.flywheel.GearRule;
import fwgear.plan.Plan;
import fwgear.plan.Target;
import fwgear.templates.ProjectSnapshot;
import fwgear.templates.TemplateCopy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole push, computed before the first write: for every center and every pipeline project of
 * it that has a template, the changes {@link TemplateCopy} finds. Pure: it reads nothing.
 */
public final class Planner {
  private final Map<String, String> roleLabels;

  /**
   * @param roleLabels site role ids to their labels, to say which roles a change gives
   */
  public Planner(Map<String, String> roleLabels) {
    this.roleLabels = Map.copyOf(roleLabels);
  }

  /**
   * @param site the site's address for people ({@code site.redirect_url}), the {@code $site}
   */
  public Plan<Change> plan(TemplateSet templates, List<Center> centers, String site) {
    List<Change> changes = new ArrayList<>();
    List<String> notices = new ArrayList<>(templates.notices());
    List<Target> targets = new ArrayList<>();
    if (centers.isEmpty()) {
      notices.add("no center groups (tagged adcid-<n>) to push templates to");
    }
    for (Center center : centers) {
      if (center.destinations().isEmpty()) {
        notices.add("center " + center.group().id() + " has no pipeline project with a template");
      }
      for (Center.Destination destination : center.destinations()) {
        ProjectSnapshot project = destination.project();
        ProjectSnapshot template = templates.template(destination.pipeline()).orElseThrow();
        targets.add(Change.project(project.path()));
        Map<String, String> values =
            Map.of(
                "adrc", labelOf(center),
                "project_id", project.id(),
                "site", site == null ? "" : site);
        changes.addAll(changes(template, project, TemplateCopy.of(template, project, values)));
      }
    }
    return new Plan<>(changes, notices, targets);
  }

  private List<Change> changes(
      ProjectSnapshot template, ProjectSnapshot project, TemplateCopy copy) {
    String path = project.path();
    String id = project.id();
    List<Change> changes = new ArrayList<>();
    for (FileEntry file : copy.files()) {
      changes.add(
          new Change.UploadFile(
              path, id, file.name(), file.mimetype(), file.size(), template.path(), template.id()));
    }
    for (TemplateCopy.RuleWrite write : copy.rules()) {
      GearRule rule = write.rule();
      changes.add(
          write.existingId().isPresent()
              ? new Change.ModifyRule(path, id, write.existingId().get(), rule)
              : new Change.AddRule(path, id, rule));
    }
    for (GearRule rule : copy.deletedRules()) {
      changes.add(new Change.DeleteRule(path, id, rule.id(), rule.name()));
    }
    for (TemplateCopy.RoleGrant grant : copy.roles()) {
      changes.add(
          new Change.SetRoles(
              path,
              id,
              grant.userId(),
              grant.roleIds(),
              grant.roleIds().stream().map(r -> roleLabels.getOrDefault(r, r)).toList(),
              grant.update()));
    }
    copy.description().ifPresent(text -> changes.add(new Change.SetDescription(path, id, text)));
    copy.apps().ifPresent(apps -> changes.add(new Change.SetApps(path, id, apps)));
    return changes;
  }

  private static String labelOf(Center center) {
    String label = center.group().label();
    return label == null || label.isEmpty() ? center.group().id() : label;
  }
}
