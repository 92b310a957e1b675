package template_app.site;

import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.RolePermission;
import fwgear.plan.Applier;
import java.util.HashMap;
import java.util.Map;
import template_app.plan.Change;

/**
 * The gear's steps for the common {@link Applier}: one client call per change (a file upload also
 * reads the template's file, once per file for the whole run).
 */
public final class Steps {
  private Steps() {}

  public static Applier<Change> of(FlywheelClient client) {
    Map<String, byte[]> downloaded = new HashMap<>();
    return Applier.<Change>builder()
        .on(
            Change.UploadFile.class,
            c -> {
              byte[] content =
                  downloaded.computeIfAbsent(
                      c.templateProjectId() + "/" + c.name(),
                      key -> client.downloadProjectFile(c.templateProjectId(), c.name()));
              client.uploadProjectFile(c.projectId(), c.name(), content, c.mimetype());
            })
        .on(Change.AddRule.class, c -> client.addProjectRule(c.projectId(), c.rule()))
        .on(
            Change.ModifyRule.class,
            c -> client.modifyProjectRule(c.projectId(), c.ruleId(), c.rule()))
        .on(Change.DeleteRule.class, c -> client.deleteProjectRule(c.projectId(), c.ruleId()))
        .on(
            Change.SetRoles.class,
            c -> {
              if (c.update()) {
                client.updateProjectPermission(c.projectId(), c.userId(), c.roleIds());
              } else {
                client.addProjectPermission(
                    c.projectId(), new RolePermission(c.userId(), c.roleIds()));
              }
            })
        .on(
            Change.SetDescription.class,
            c -> client.setProjectDescription(c.projectId(), c.description()))
        .on(Change.SetApps.class, c -> client.setProjectViewerApps(c.projectId(), c.apps()))
        .build();
  }
}
