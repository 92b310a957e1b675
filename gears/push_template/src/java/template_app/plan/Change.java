package template_app.plan;

import fwgear.flywheel.GearRule;
import fwgear.flywheel.ViewerApp;
import fwgear.plan.Target;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One write of a template push, a change of the common plan design ({@link fwgear.plan}). Every
 * change is about one destination project ({@code project <group>/<label>}) and names the template
 * it comes from.
 */
public sealed interface Change extends fwgear.plan.Change {

  /** The destination project's id. */
  String projectId();

  /** The destination as {@code group/label}. */
  String path();

  @Override
  default Target target() {
    return project(path());
  }

  static Target project(String path) {
    return new Target("project", path);
  }

  /** Copies a file of the template project (a fixed input of its rules) to the destination. */
  record UploadFile(
      String path,
      String projectId,
      String name,
      String mimetype,
      long size,
      String templatePath,
      String templateProjectId)
      implements Change {
    public String describe() {
      return "upload "
          + name
          + " ("
          + size
          + " bytes, from "
          + templatePath
          + ") to project "
          + path;
    }
  }

  record AddRule(String path, String projectId, GearRule rule) implements Change {
    public String describe() {
      return "add gear rule " + rule.name() + " to project " + path;
    }
  }

  /** Replaces a rule of the same name in place (its id stays). */
  record ModifyRule(String path, String projectId, String ruleId, GearRule rule) implements Change {
    public String describe() {
      return "update gear rule " + rule.name() + " of project " + path;
    }
  }

  record DeleteRule(String path, String projectId, String ruleId, String name) implements Change {
    public String describe() {
      return "remove gear rule " + name + " (not in the template) from project " + path;
    }
  }

  /**
   * Gives a user roles on the destination: {@code roleIds} is the whole set they end up with;
   * {@code update} when they had an entry already.
   */
  record SetRoles(
      String path,
      String projectId,
      String userId,
      List<String> roleIds,
      List<String> roleLabels,
      boolean update)
      implements Change {
    public SetRoles {
      roleIds = List.copyOf(roleIds);
      roleLabels = List.copyOf(roleLabels);
    }

    public String describe() {
      String labels = String.join("+", roleLabels);
      return update
          ? "set " + userId + "'s roles on project " + path + " to " + labels
          : "give " + userId + " role " + labels + " on project " + path;
    }
  }

  record SetDescription(String path, String projectId, String description) implements Change {
    public String describe() {
      return "set the description of project " + path + " to \"" + oneLine(description) + "\"";
    }
  }

  record SetApps(String path, String projectId, List<ViewerApp> apps) implements Change {
    public SetApps {
      apps = List.copyOf(apps);
    }

    public String describe() {
      return "set the viewer apps of project "
          + path
          + " to "
          + apps.stream().map(ViewerApp::name).collect(Collectors.joining(", "));
    }
  }

  private static String oneLine(String text) {
    String flat = text.replace("\r", "").replace("\n", "\\n");
    return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
  }
}
