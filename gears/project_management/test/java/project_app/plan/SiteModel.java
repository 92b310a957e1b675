package project_app.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import project_app.state.GroupState;
import project_app.state.ProjectState;
import project_app.state.SiteState;

/**
 * A site held in memory that a plan can be applied to, so planner tests can check that applying a
 * plan reaches a state the planner has nothing more to say about. (The real writes are tested
 * against the local Flywheel server.)
 */
final class SiteModel {
  private final Map<String, GroupState> groups = new LinkedHashMap<>();
  private final Map<String, List<ProjectState>> projects = new HashMap<>();
  private int nextId = 1;

  SiteModel with(GroupState group) {
    groups.put(group.id(), group);
    return this;
  }

  SiteState state() {
    return new SiteState(groups, projects);
  }

  SiteModel apply(Plan plan) {
    for (Change change : plan.changes()) {
      if (change instanceof Change.CreateGroup c) {
        groups.put(
            c.groupId(), new GroupState(c.groupId(), c.label(), List.of(), List.of(), Map.of()));
      } else if (change instanceof Change.AddGroupTag c) {
        updateGroup(c.groupId(), g -> g.tags.add(c.tag()));
      } else if (change instanceof Change.AddGroupRole c) {
        updateGroup(c.groupId(), g -> g.roles.add(c.role().id()));
      } else if (change instanceof Change.SetGroupAccess c) {
        updateGroup(c.groupId(), g -> g.access.put(c.userId(), c.access()));
      } else if (change instanceof Change.CreateProject c) {
        projects
            .computeIfAbsent(c.groupId(), k -> new ArrayList<>())
            .add(new ProjectState("p" + nextId++, c.groupId(), c.label(), List.of(), Map.of()));
      } else if (change instanceof Change.AddProjectTag c) {
        updateProject(c.groupId(), c.label(), p -> p.tags.add(c.tag()));
      } else if (change instanceof Change.SetProjectRoles c) {
        updateProject(
            c.groupId(), c.label(), p -> p.roles.put(c.userId(), Set.copyOf(c.roleIds())));
      }
    }
    return this;
  }

  private void updateGroup(String id, java.util.function.Consumer<MutableGroup> edit) {
    GroupState g = groups.get(id);
    MutableGroup m = new MutableGroup(g);
    edit.accept(m);
    groups.put(
        id, new GroupState(id, g.label(), List.copyOf(m.tags), List.copyOf(m.roles), m.access));
  }

  private void updateProject(
      String groupId, String label, java.util.function.Consumer<MutableProject> edit) {
    List<ProjectState> list = projects.get(groupId);
    for (int i = 0; i < list.size(); i++) {
      ProjectState p = list.get(i);
      if (p.label().equals(label)) {
        MutableProject m = new MutableProject(p);
        edit.accept(m);
        list.set(i, new ProjectState(p.id(), groupId, label, List.copyOf(m.tags), m.roles));
        return;
      }
    }
    throw new IllegalStateException("no project " + groupId + "/" + label);
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
