package template_app;

import fwgear.flywheel.FileEntry;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Gear;
import fwgear.flywheel.GearRule;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.flywheel.Role;
import fwgear.flywheel.ViewerApp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state a push is about, as text: for every project of the center groups, its rules (name,
 * gear, fixed inputs), role assignments, description (the project's id as {@code <id>}), apps and
 * files.
 */
final class SiteState {
  private SiteState() {}

  static String render(FlywheelClient client, List<String> groupIds) {
    String site = client.siteConfig().site().redirectUrl();
    Map<String, String> roles =
        client.roles().stream().collect(Collectors.toMap(Role::id, Role::label));
    Map<String, String> gears =
        client.findGears().stream().collect(Collectors.toMap(Gear::id, Gear::name));
    List<String> lines = new ArrayList<>();
    for (String groupId : groupIds) {
      Group group = client.getGroup(groupId);
      for (Project project :
          client.groupProjects(group.id()).stream()
              .sorted(Comparator.comparing(Project::label))
              .toList()) {
        lines.add(group.id() + "/" + project.label());
        List<GearRule> rules = client.projectRules(project.id());
        if (!rules.isEmpty()) {
          lines.add(
              "  rules: "
                  + rules.stream()
                      .sorted(Comparator.comparing(GearRule::name))
                      .map(r -> rule(r, gears, project.id()))
                      .collect(Collectors.joining(", ")));
        }
        if (!project.permissions().isEmpty()) {
          lines.add(
              "  roles: "
                  + project.permissions().stream()
                      .sorted(Comparator.comparing(p -> p.id()))
                      .map(
                          p ->
                              p.id()
                                  + " "
                                  + p.roleIds().stream()
                                      .map(r -> roles.getOrDefault(r, r))
                                      .sorted()
                                      .collect(Collectors.joining("+")))
                      .collect(Collectors.joining(", ")));
        }
        if (!project.description().isEmpty()) {
          lines.add(
              "  description: "
                  + project.description().replace(project.id(), "<id>").replace(site, "<site>"));
        }
        List<ViewerApp> apps = client.projectViewerApps(project.id());
        if (!apps.isEmpty()) {
          lines.add(
              "  apps: " + apps.stream().map(ViewerApp::name).collect(Collectors.joining(", ")));
        }
        if (!project.files().isEmpty()) {
          lines.add(
              "  files: "
                  + project.files().stream()
                      .map(f -> f.name() + " v" + f.version())
                      .sorted()
                      .collect(Collectors.joining(", ")));
        }
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static String rule(GearRule rule, Map<String, String> gears, String projectId) {
    String fixed =
        rule.fixedInputs().stream()
            .map(f -> f.input() + "=" + (f.id().equals(projectId) ? "" : f.id() + "/") + f.name())
            .collect(Collectors.joining(" "));
    return rule.name()
        + " ("
        + gears.getOrDefault(rule.gearId(), rule.gearId())
        + (fixed.isEmpty() ? "" : " " + fixed)
        + ")";
  }

  /** How many files each project has, by name: no duplicates. */
  static Map<String, Long> fileCounts(Project project) {
    return project.files().stream()
        .collect(Collectors.groupingBy(FileEntry::name, Collectors.counting()));
  }
}
