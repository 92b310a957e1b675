package project_app.site;

import fwgear.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import project_app.plan.Change;
import project_app.state.GroupState;
import project_app.state.ProjectState;
import project_app.state.RoleRef;
import project_app.state.SiteState;

/**
 * A site held in memory for tests of the planning logic: it refuses what Flywheel refuses (a second
 * create, adding a permission twice, updating one that is not there) and counts writes. The real
 * requests are tested against the local Flywheel server.
 */
public final class SiteModel implements Site {
  private final String currentUser;
  private final Map<String, RoleRef> roles;
  private final Map<String, GroupState> groups = new LinkedHashMap<>();
  private final Map<String, List<ProjectState>> projects = new HashMap<>();
  private final List<String> writes = new ArrayList<>();
  private int reads;
  private int nextId = 1;

  public SiteModel(String currentUser, Map<String, RoleRef> roles) {
    this.currentUser = currentUser;
    this.roles = Map.copyOf(roles);
  }

  public SiteModel with(GroupState group) {
    groups.put(group.id(), group);
    return this;
  }

  public SiteState state() {
    return new SiteState(groups, projects);
  }

  /** Applies a plan made from this site's state, through {@link PlanApplier}. */
  public SiteModel apply(Plan<Change> plan) {
    PlanApplier.of(this, state()).apply(plan.changes());
    return this;
  }

  public List<String> writes() {
    return List.copyOf(writes);
  }

  public int reads() {
    return reads;
  }

  @Override
  public String currentUserId() {
    reads++;
    return currentUser;
  }

  @Override
  public Map<String, RoleRef> roles() {
    reads++;
    return roles;
  }

  @Override
  public Optional<GroupState> group(String id) {
    reads++;
    return Optional.ofNullable(groups.get(id));
  }

  @Override
  public List<ProjectState> projects(String groupId) {
    reads++;
    return List.copyOf(projects.getOrDefault(groupId, List.of()));
  }

  @Override
  public void createGroup(String id, String label) {
    write("create group " + id);
    if (groups.containsKey(id)) {
      throw new IllegalStateException("409: group " + id + " exists");
    }
    groups.put(id, new GroupState(id, label, List.of(), List.of(), Map.of(currentUser, "admin")));
  }

  @Override
  public void addGroupTag(String groupId, String tag) {
    write("tag group " + groupId);
    editGroup(groupId, g -> require(g.tags.add(tag), "409: duplicate tag"));
  }

  @Override
  public void addGroupRole(String groupId, String roleId) {
    write("role group " + groupId);
    editGroup(groupId, g -> require(g.roles.add(roleId), "409: duplicate role"));
  }

  @Override
  public void addGroupPermission(String groupId, String userId, String access) {
    write("add permission " + groupId);
    editGroup(groupId, g -> require(g.access.put(userId, access) == null, "409: user present"));
  }

  @Override
  public void updateGroupPermission(String groupId, String userId, String access) {
    write("update permission " + groupId);
    editGroup(groupId, g -> require(g.access.put(userId, access) != null, "404: no permission"));
  }

  @Override
  public String createProject(String groupId, String label) {
    write("create project " + groupId + "/" + label);
    List<ProjectState> list = projects.computeIfAbsent(groupId, k -> new ArrayList<>());
    require(list.stream().noneMatch(p -> p.label().equals(label)), "409: project exists");
    String id = "p" + nextId++;
    // As Flywheel does, the creator gets the role labelled admin on the new project.
    Map<String, Set<String>> permissions =
        roles.containsKey("admin")
            ? Map.of(currentUser, Set.of(roles.get("admin").id()))
            : Map.of();
    list.add(new ProjectState(id, groupId, label, List.of(), permissions));
    return id;
  }

  @Override
  public void addProjectTag(String projectId, String tag) {
    write("tag project " + projectId);
    editProject(projectId, p -> require(p.tags.add(tag), "409: duplicate tag"));
  }

  @Override
  public void addProjectPermission(String projectId, String userId, List<String> roleIds) {
    write("add project permission " + projectId);
    editProject(
        projectId,
        p -> require(p.roles.put(userId, Set.copyOf(roleIds)) == null, "409: user present"));
  }

  @Override
  public void updateProjectPermission(String projectId, String userId, List<String> roleIds) {
    write("update project permission " + projectId);
    editProject(
        projectId,
        p -> require(p.roles.put(userId, Set.copyOf(roleIds)) != null, "404: no permission"));
  }

  private void write(String what) {
    writes.add(what);
  }

  private static void require(boolean condition, String error) {
    if (!condition) {
      throw new IllegalStateException(error);
    }
  }

  private void editGroup(String id, Consumer<MutableGroup> edit) {
    GroupState g = groups.get(id);
    require(g != null, "404: no group " + id);
    MutableGroup m = new MutableGroup(g);
    edit.accept(m);
    groups.put(
        id, new GroupState(id, g.label(), List.copyOf(m.tags), List.copyOf(m.roles), m.access));
  }

  private void editProject(String projectId, Consumer<MutableProject> edit) {
    for (List<ProjectState> list : projects.values()) {
      for (int i = 0; i < list.size(); i++) {
        ProjectState p = list.get(i);
        if (p.id().equals(projectId)) {
          MutableProject m = new MutableProject(p);
          edit.accept(m);
          list.set(
              i, new ProjectState(p.id(), p.groupId(), p.label(), List.copyOf(m.tags), m.roles));
          return;
        }
      }
    }
    throw new IllegalStateException("404: no project " + projectId);
  }

  private static final class MutableGroup {
    final Set<String> tags;
    final Set<String> roles;
    final Map<String, String> access;

    MutableGroup(GroupState g) {
      tags = new LinkedHashSet<>(g.tags());
      roles = new LinkedHashSet<>(g.roleIds());
      access = new LinkedHashMap<>(g.permissions());
    }
  }

  private static final class MutableProject {
    final Set<String> tags;
    final Map<String, Set<String>> roles;

    MutableProject(ProjectState p) {
      tags = new LinkedHashSet<>(p.tags());
      roles = new LinkedHashMap<>(p.permissions());
    }
  }
}
