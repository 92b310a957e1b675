package project_app.plan;

import fwgear.plan.Target;
import java.util.List;
import java.util.stream.Collectors;
import project_app.state.RoleRef;

/**
 * One write the gear makes to Flywheel, a change of the common plan design ({@link fwgear.plan}).
 * Its target is a {@code group <id>} or a {@code project <group>/<label>}.
 */
public sealed interface Change extends fwgear.plan.Change {

  /** The group or project ({@code group/label}) the change is about. */
  String container();

  static Target group(String groupId) {
    return new Target("group", groupId);
  }

  static Target project(String groupId, String label) {
    return new Target("project", groupId + "/" + label);
  }

  record CreateGroup(String groupId, String label) implements Change {
    public Target target() {
      return Change.group(groupId);
    }

    @Override
    public boolean creates() {
      return true;
    }

    public String container() {
      return groupId;
    }

    public String describe() {
      return "create group " + groupId + " (" + label + ")";
    }
  }

  record AddGroupTag(String groupId, String tag) implements Change {
    public Target target() {
      return Change.group(groupId);
    }

    public String container() {
      return groupId;
    }

    public String describe() {
      return "add tag " + tag + " to group " + groupId;
    }
  }

  record AddGroupRole(String groupId, RoleRef role) implements Change {
    public Target target() {
      return Change.group(groupId);
    }

    public String container() {
      return groupId;
    }

    public String describe() {
      return "offer role " + role.label() + " in group " + groupId;
    }
  }

  /** Gives a user access to a group; {@code previous} is their access before, if any. */
  record SetGroupAccess(String groupId, String userId, String access, String previous)
      implements Change {
    public Target target() {
      return Change.group(groupId);
    }

    public String container() {
      return groupId;
    }

    public boolean isUpdate() {
      return previous != null;
    }

    public String describe() {
      return previous == null
          ? "give " + userId + " " + access + " access to group " + groupId
          : "change "
              + userId
              + "'s access to group "
              + groupId
              + " from "
              + previous
              + " to "
              + access;
    }
  }

  record CreateProject(String groupId, String label) implements Change {
    public Target target() {
      return Change.project(groupId, label);
    }

    @Override
    public boolean creates() {
      return true;
    }

    public String container() {
      return groupId + "/" + label;
    }

    public String describe() {
      return "create project " + container();
    }
  }

  record AddProjectTag(String groupId, String label, String tag) implements Change {
    public Target target() {
      return Change.project(groupId, label);
    }

    public String container() {
      return groupId + "/" + label;
    }

    public String describe() {
      return "add tag " + tag + " to project " + container();
    }
  }

  /**
   * Gives a user roles on a project: {@code roles} is the whole set they end up with (what they had
   * plus what they need); {@code update} when they had an entry already.
   */
  record SetProjectRoles(
      String groupId, String label, String userId, List<RoleRef> roles, boolean update)
      implements Change {
    public SetProjectRoles {
      roles = List.copyOf(roles);
    }

    public Target target() {
      return Change.project(groupId, label);
    }

    public String container() {
      return groupId + "/" + label;
    }

    public List<String> roleIds() {
      return roles.stream().map(RoleRef::id).toList();
    }

    public String describe() {
      String labels = roles.stream().map(RoleRef::label).collect(Collectors.joining(", "));
      return update
          ? "set " + userId + "'s roles on project " + container() + " to " + labels
          : "give " + userId + " role " + labels + " on project " + container();
    }
  }
}
