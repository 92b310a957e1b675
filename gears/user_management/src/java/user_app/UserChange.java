package user_app;

import fwgear.flywheel.UserUpdate;
import fwgear.plan.Change;
import fwgear.plan.Target;
import java.util.List;

/**
 * The writes this gear makes: users, their group access and their project roles. Each is about a
 * user, a group or a project (the kinds the summary counts).
 */
sealed interface UserChange extends Change {

  /** A change of a user. */
  sealed interface OfUser extends UserChange {
    String userId();

    @Override
    default Target target() {
      return UserChange.user(userId());
    }
  }

  /** A change of a group. */
  sealed interface OfGroup extends UserChange {
    String groupId();

    @Override
    default Target target() {
      return UserChange.group(groupId());
    }
  }

  /** A change of a project, named {@code group/label}. */
  sealed interface OfProject extends UserChange {
    String project();

    @Override
    default Target target() {
      return UserChange.project(project());
    }
  }

  static Target user(String userId) {
    return new Target("user", userId);
  }

  static Target group(String groupId) {
    return new Target("group", groupId);
  }

  static Target project(String path) {
    return new Target("project", path);
  }

  record CreateUser(String userId, String email, String firstName, String lastName)
      implements OfUser {
    @Override
    public boolean creates() {
      return true;
    }

    @Override
    public String describe() {
      return "create user " + userId + " (" + firstName + " " + lastName + ", " + email + ")";
    }
  }

  /** The user's email or names as the directory has them. */
  record UpdateUser(String userId, UserUpdate update, String what) implements OfUser {
    @Override
    public String describe() {
      return "update user " + userId + ": " + what;
    }
  }

  /** Offers a role to a group's projects, so that it can be given on them. */
  record OfferRole(String groupId, String roleId, String roleLabel) implements OfGroup {
    @Override
    public String describe() {
      return "offer role " + roleLabel + " to the projects of group " + groupId;
    }
  }

  record AddGroupAccess(String groupId, String userId, String access) implements OfGroup {
    @Override
    public String describe() {
      return "give user " + userId + " " + access + " access to group " + groupId;
    }
  }

  /** Roles for a user who has no entry on the project yet. */
  record AddProjectRoles(
      String projectId, String project, String userId, List<String> roleIds, List<String> labels)
      implements OfProject {
    @Override
    public String describe() {
      return "give user "
          + userId
          + " role "
          + String.join(", ", labels)
          + " on project "
          + project;
    }
  }

  /** More roles for a user who has an entry on the project: the old ones and the new ones. */
  record ExtendProjectRoles(
      String projectId,
      String project,
      String userId,
      List<String> roleIds,
      List<String> addedLabels)
      implements OfProject {
    @Override
    public String describe() {
      return "add role "
          + String.join(", ", addedLabels)
          + " to user "
          + userId
          + " on project "
          + project
          + " (keeping the roles the user has)";
    }
  }
}
