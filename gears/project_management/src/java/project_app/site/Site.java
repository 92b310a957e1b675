package project_app.site;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import project_app.state.GroupState;
import project_app.state.ProjectState;
import project_app.state.RoleRef;

/**
 * The Flywheel operations this gear needs, in its own terms. {@link FlywheelSite} does them over
 * the REST API; every write goes through the Flywheel service layer's dry-run gate.
 */
public interface Site {

  /** The user the gear runs as; Flywheel makes them admin of each group they create. */
  String currentUserId();

  /** Site roles by label. */
  Map<String, RoleRef> roles();

  Optional<GroupState> group(String id);

  List<ProjectState> projects(String groupId);

  void createGroup(String id, String label);

  void addGroupTag(String groupId, String tag);

  void addGroupRole(String groupId, String roleId);

  void addGroupPermission(String groupId, String userId, String access);

  void updateGroupPermission(String groupId, String userId, String access);

  /** Creates a project and returns its id. */
  String createProject(String groupId, String label);

  void addProjectTag(String projectId, String tag);

  void addProjectPermission(String projectId, String userId, List<String> roleIds);

  void updateProjectPermission(String projectId, String userId, List<String> roleIds);
}
