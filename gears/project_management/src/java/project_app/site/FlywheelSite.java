package project_app.site;

import fwgear.flywheel.AccessPermission;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.FlywheelException;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.flywheel.Role;
import fwgear.flywheel.RolePermission;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import project_app.state.GroupState;
import project_app.state.ProjectState;
import project_app.state.RoleRef;

/** The gear's Flywheel operations over the REST client: one request each. */
public final class FlywheelSite implements Site {
  private final FlywheelClient client;

  public FlywheelSite(FlywheelClient client) {
    this.client = client;
  }

  @Override
  public String currentUserId() {
    return client.whoAmI().id();
  }

  @Override
  public Map<String, RoleRef> roles() {
    Map<String, RoleRef> roles = new LinkedHashMap<>();
    for (Role role : client.roles()) {
      roles.putIfAbsent(role.label(), new RoleRef(role.id(), role.label()));
    }
    return roles;
  }

  @Override
  public Optional<GroupState> group(String id) {
    try {
      return Optional.of(state(client.getGroup(id)));
    } catch (FlywheelException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<ProjectState> projects(String groupId) {
    return client.groupProjects(groupId).stream().map(FlywheelSite::state).toList();
  }

  @Override
  public void createGroup(String id, String label) {
    client.createGroup(id, label);
  }

  @Override
  public void addGroupTag(String groupId, String tag) {
    client.addGroupTag(groupId, tag);
  }

  @Override
  public void addGroupRole(String groupId, String roleId) {
    client.addGroupRole(groupId, roleId);
  }

  @Override
  public void addGroupPermission(String groupId, String userId, String access) {
    client.addGroupPermission(groupId, new AccessPermission(userId, access));
  }

  @Override
  public void updateGroupPermission(String groupId, String userId, String access) {
    client.updateGroupPermission(groupId, userId, access);
  }

  @Override
  public String createProject(String groupId, String label) {
    return client.createProject(groupId, label, null);
  }

  @Override
  public void addProjectTag(String projectId, String tag) {
    client.addProjectTag(projectId, tag);
  }

  @Override
  public void addProjectPermission(String projectId, String userId, List<String> roleIds) {
    client.addProjectPermission(projectId, new RolePermission(userId, roleIds));
  }

  @Override
  public void updateProjectPermission(String projectId, String userId, List<String> roleIds) {
    client.updateProjectPermission(projectId, userId, roleIds);
  }

  private static GroupState state(Group group) {
    Map<String, String> access = new LinkedHashMap<>();
    group.permissions().forEach(p -> access.put(p.id(), p.access()));
    return new GroupState(
        group.id(),
        group.label() == null ? "" : group.label(),
        group.tags(),
        group.roles(),
        access);
  }

  private static ProjectState state(Project project) {
    Map<String, java.util.Set<String>> roles = new LinkedHashMap<>();
    project.permissions().forEach(p -> roles.put(p.id(), new LinkedHashSet<>(p.roleIds())));
    return new ProjectState(project.id(), project.group(), project.label(), project.tags(), roles);
  }
}
