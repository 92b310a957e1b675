package project_app.plan;

import fwgear.plan.Plan;
import fwgear.plan.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import project_app.state.DesiredState;
import project_app.state.GroupSpec;
import project_app.state.GroupState;
import project_app.state.ProjectSpec;
import project_app.state.ProjectState;
import project_app.state.RoleRef;
import project_app.state.SiteState;

/**
 * Compares the desired state with the site and lists only the writes that change something: a
 * second run over an unchanged site plans none. Nothing is ever removed: users, tags and roles the
 * file does not mention are left alone, and a group's label is not changed (a different one is
 * reported).
 */
public final class Planner {
  private final Map<String, RoleRef> rolesById;
  private final java.util.function.Supplier<String> creator;
  private String creatorId;

  /**
   * @param siteRoles every site role, to name the roles a user already has
   * @param creator the user the gear runs as: Flywheel makes the creator of a group its admin, and
   *     gives the creator of a project the role labelled admin, so a new group or project starts
   *     with that permission. Asked for only when the plan creates a group or project (it costs a
   *     request), and then once.
   */
  public Planner(Iterable<RoleRef> siteRoles, java.util.function.Supplier<String> creator) {
    Map<String, RoleRef> byId = new java.util.HashMap<>();
    siteRoles.forEach(role -> byId.put(role.id(), role));
    this.rolesById = byId;
    this.creator = creator;
  }

  /** A planner for a known creator. */
  public static Planner forCreator(Iterable<RoleRef> siteRoles, String creatorId) {
    return new Planner(siteRoles, () -> creatorId);
  }

  private String creatorId() {
    if (creatorId == null) {
      creatorId = creator.get();
    }
    return creatorId;
  }

  /** The permissions Flywheel gives a project it creates: the creator has the admin role. */
  private Map<String, Set<String>> newProjectPermissions() {
    return rolesById.values().stream()
        .filter(role -> role.label().equals("admin"))
        .findFirst()
        .map(admin -> Map.of(creatorId(), Set.of(admin.id())))
        .orElse(Map.of());
  }

  public Plan<Change> plan(DesiredState desired, SiteState site) {
    List<Change> changes = new ArrayList<>();
    List<String> notices = new ArrayList<>(desired.notices());
    for (GroupSpec group : desired.groups()) {
      Optional<GroupState> current = site.group(group.id());
      if (current.isEmpty()) {
        changes.add(new Change.CreateGroup(group.id(), group.label()));
      } else if (!current.get().label().equals(group.label())) {
        notices.add(
            "group "
                + group.id()
                + " exists with label '"
                + current.get().label()
                + "', the project file names it '"
                + group.label()
                + "'; the label is left as it is");
      }
      planGroup(group, current, changes);
      for (ProjectSpec project : desired.projectsOf(group.id())) {
        List<ProjectState> matches = site.projects(group.id(), project.label());
        if (matches.size() > 1) {
          notices.add(
              "group "
                  + group.id()
                  + " has "
                  + matches.size()
                  + " projects labelled "
                  + project.label()
                  + "; only the first ("
                  + matches.get(0).id()
                  + ") is updated");
        }
        planProject(project, matches.stream().findFirst(), changes);
      }
    }
    List<Target> targets = new ArrayList<>();
    desired.groups().forEach(group -> targets.add(Change.group(group.id())));
    desired
        .projects()
        .forEach(project -> targets.add(Change.project(project.groupId(), project.label())));
    return new Plan<>(changes, notices, targets);
  }

  private void planGroup(GroupSpec group, Optional<GroupState> current, List<Change> changes) {
    List<String> tags = current.map(GroupState::tags).orElse(List.of());
    List<String> roles = current.map(GroupState::roleIds).orElse(List.of());
    Map<String, String> access =
        current.isPresent() ? current.get().permissions() : Map.of(creatorId(), "admin");
    group.tags().stream()
        .filter(tag -> !tags.contains(tag))
        .forEach(tag -> changes.add(new Change.AddGroupTag(group.id(), tag)));
    group.roles().stream()
        .filter(role -> !roles.contains(role.id()))
        .forEach(role -> changes.add(new Change.AddGroupRole(group.id(), role)));
    group
        .permissions()
        .forEach(
            (user, level) -> {
              String previous = access.get(user);
              if (!level.equals(previous)) {
                changes.add(new Change.SetGroupAccess(group.id(), user, level, previous));
              }
            });
  }

  private void planProject(
      ProjectSpec project, Optional<ProjectState> current, List<Change> changes) {
    if (current.isEmpty()) {
      changes.add(new Change.CreateProject(project.groupId(), project.label()));
    }
    List<String> tags = current.map(ProjectState::tags).orElse(List.of());
    project.tags().stream()
        .filter(tag -> !tags.contains(tag))
        .forEach(
            tag -> changes.add(new Change.AddProjectTag(project.groupId(), project.label(), tag)));
    Map<String, Set<String>> permissions =
        current.isPresent() ? current.get().permissions() : newProjectPermissions();
    project
        .userRoles()
        .forEach(
            (user, needed) -> {
              Set<String> had = permissions.get(user);
              Set<String> neededIds = needed.stream().map(RoleRef::id).collect(Collectors.toSet());
              if (had != null && had.containsAll(neededIds)) {
                return;
              }
              Set<RoleRef> roles = new LinkedHashSet<>();
              if (had != null) {
                had.stream().sorted().map(this::role).forEach(roles::add);
              }
              roles.addAll(needed);
              changes.add(
                  new Change.SetProjectRoles(
                      project.groupId(), project.label(), user, List.copyOf(roles), had != null));
            });
  }

  private RoleRef role(String id) {
    return rolesById.getOrDefault(id, new RoleRef(id, id));
  }
}
