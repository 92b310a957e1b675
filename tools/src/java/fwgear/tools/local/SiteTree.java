package fwgear.tools.local;

import fwgear.flywheel.AccessPermission;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Gear;
import fwgear.flywheel.GearRule;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.flywheel.Role;
import fwgear.flywheel.RolePermission;
import fwgear.flywheel.ViewerApp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The groups and projects of a Flywheel site as a tree, read through the REST client: each group
 * with its label, tags, project roles and members' access, each project with its tags and role
 * assignments, and under it its gear rules, description and viewer apps.
 */
public final class SiteTree {
  private SiteTree() {}

  public static String render(FlywheelClient client) {
    Map<String, String> roleLabels =
        client.roles().stream().collect(Collectors.toMap(Role::id, Role::label, (a, b) -> a));
    Map<String, String> gearNames =
        client.findGears().stream().collect(Collectors.toMap(Gear::id, Gear::name, (a, b) -> a));
    List<Group> groups =
        client.findGroups().stream().sorted(Comparator.comparing(Group::id)).toList();
    List<String> lines = new ArrayList<>();
    int projectCount = 0;
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      boolean lastGroup = g == groups.size() - 1;
      List<Project> projects =
          client.groupProjects(group.id()).stream()
              .sorted(Comparator.comparing(Project::label))
              .toList();
      projectCount += projects.size();
      lines.add((lastGroup ? "└── " : "├── ") + describe(group, roleLabels));
      for (int p = 0; p < projects.size(); p++) {
        boolean lastProject = p == projects.size() - 1;
        String indent = lastGroup ? "    " : "│   ";
        lines.add(indent + (lastProject ? "└── " : "├── ") + describe(projects.get(p), roleLabels));
        for (String detail : details(client, projects.get(p), gearNames)) {
          lines.add(indent + (lastProject ? "      " : "│     ") + detail);
        }
      }
    }
    return "Flywheel at "
        + client.baseUrl()
        + ": "
        + groups.size()
        + " groups, "
        + projectCount
        + " projects\n"
        + String.join("\n", lines)
        + "\n";
  }

  static String describe(Group group, Map<String, String> roleLabels) {
    StringBuilder line =
        new StringBuilder(group.id()).append(" \"").append(group.label()).append('"');
    tags(line, group.tags());
    if (!group.roles().isEmpty()) {
      line.append(" roles: ").append(labels(group.roles(), roleLabels));
    }
    if (!group.permissions().isEmpty()) {
      line.append(" access: ")
          .append(
              group.permissions().stream()
                  .sorted(Comparator.comparing(AccessPermission::id))
                  .map(p -> p.id() + " " + p.access())
                  .collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  static String describe(Project project, Map<String, String> roleLabels) {
    StringBuilder line = new StringBuilder(project.label());
    tags(line, project.tags());
    if (!project.permissions().isEmpty()) {
      line.append(" access: ")
          .append(
              project.permissions().stream()
                  .sorted(Comparator.comparing(RolePermission::id))
                  .map(p -> p.id() + " " + labels(p.roleIds(), roleLabels))
                  .collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  /**
   * A project's gear rules (name, gear, fixed inputs), description and viewer apps, one line each
   * when there are any; two requests per project.
   */
  static List<String> details(FlywheelClient client, Project project, Map<String, String> gears) {
    List<String> details = new ArrayList<>();
    List<GearRule> rules = client.projectRules(project.id());
    if (!rules.isEmpty()) {
      details.add(
          "rules: "
              + rules.stream()
                  .sorted(Comparator.comparing(GearRule::name))
                  .map(rule -> rule(rule, gears, project.id()))
                  .collect(Collectors.joining(", ")));
    }
    if (!project.description().isEmpty()) {
      details.add("description: " + project.description().replace("\n", " "));
    }
    List<ViewerApp> apps = client.projectViewerApps(project.id());
    if (!apps.isEmpty()) {
      details.add("apps: " + apps.stream().map(ViewerApp::name).collect(Collectors.joining(", ")));
    }
    return details;
  }

  private static String rule(GearRule rule, Map<String, String> gears, String projectId) {
    String fixed =
        rule.fixedInputs().stream()
            .map(f -> f.input() + "=" + (projectId.equals(f.id()) ? "" : f.id() + "/") + f.name())
            .collect(Collectors.joining(" "));
    return rule.name()
        + " ("
        + gears.getOrDefault(rule.gearId(), rule.gearId())
        + (fixed.isEmpty() ? "" : " " + fixed)
        + ")";
  }

  private static void tags(StringBuilder line, List<String> tags) {
    if (!tags.isEmpty()) {
      line.append(" [")
          .append(tags.stream().sorted().collect(Collectors.joining(", ")))
          .append(']');
    }
  }

  private static String labels(List<String> roleIds, Map<String, String> roleLabels) {
    Function<String, String> label = id -> roleLabels.getOrDefault(id, id);
    return roleIds.stream().map(label).sorted().collect(Collectors.joining("+"));
  }
}
