package fwgear.flywheel.service;

import fwgear.flywheel.AccessPermission;
import fwgear.flywheel.FileEntry;
import fwgear.flywheel.Filters;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.FlywheelException;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.flywheel.Role;
import fwgear.flywheel.RolePermission;
import fwgear.flywheel.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What gears do on Flywheel, in their terms (find-or-create a group or a project, give users
 * access, tag...). Every change goes through one gate, {@link #write}, which honours dry-run: in a
 * dry run nothing is sent, each would-be change is logged and recorded in {@link #writes()}, and
 * later reads see the would-be state (a group "created" in a dry run is found afterwards).
 */
public final class FlywheelService {
  private static final Logger LOG = LoggerFactory.getLogger(FlywheelService.class);

  /**
   * One change: what, on what, and whether it was sent (false in a dry run).
   *
   * @param action e.g. {@code create group}
   * @param target e.g. {@code nacc} or {@code nacc/ingest-form}
   */
  public record Write(String action, String target, boolean sent) {
    @Override
    public String toString() {
      return (sent ? "" : "(dry run) ") + action + " " + target;
    }
  }

  private final FlywheelClient client;
  private final boolean dryRun;
  private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
  // The would-be state of a dry run, by group id and by "group/label".
  private final Map<String, Group> wouldBeGroups = new LinkedHashMap<>();
  private final Map<String, Project> wouldBeProjects = new LinkedHashMap<>();
  private Map<String, Role> rolesByLabel;

  public FlywheelService(FlywheelClient client, boolean dryRun) {
    this.client = Objects.requireNonNull(client, "client");
    this.dryRun = dryRun;
  }

  public boolean dryRun() {
    return dryRun;
  }

  /** The changes made (or, in a dry run, that would have been made), in order. */
  public List<Write> writes() {
    synchronized (writes) {
      return List.copyOf(writes);
    }
  }

  // ---- reads ----

  public synchronized Optional<Group> findGroup(String groupId) {
    Group wouldBe = wouldBeGroups.get(groupId);
    return wouldBe != null ? Optional.of(wouldBe) : client.findGroup(groupId);
  }

  /** Groups with a tag matching the regular expression. */
  public List<Group> findGroupsByTag(String tagPattern) {
    return client.findGroups(Filters.matches("tags", tagPattern));
  }

  public synchronized Optional<Project> findProject(String groupId, String label) {
    Project wouldBe = wouldBeProjects.get(groupId + "/" + label);
    if (wouldBe != null) {
      return Optional.of(wouldBe);
    }
    return client.findProject(groupId, label);
  }

  /** A group's projects, with the would-be projects of a dry run. */
  public synchronized List<Project> groupProjects(String groupId) {
    List<Project> projects = new ArrayList<>();
    Map<String, Project> replaced = new LinkedHashMap<>();
    wouldBeProjects.forEach(
        (key, project) -> {
          if (project.group().equals(groupId)) {
            replaced.put(project.label(), project);
          }
        });
    boolean onlyWouldBe = wouldBeGroups.containsKey(groupId) && client.findGroup(groupId).isEmpty();
    if (!onlyWouldBe) {
      for (Project project : client.groupProjects(groupId)) {
        projects.add(replaced.getOrDefault(project.label(), project));
        replaced.remove(project.label());
      }
    }
    projects.addAll(replaced.values());
    return projects;
  }

  /** A site role by label, such as {@code admin}; roles are read once. */
  public synchronized Optional<Role> role(String label) {
    if (rolesByLabel == null) {
      Map<String, Role> roles = new LinkedHashMap<>();
      for (Role role : client.roles()) {
        roles.putIfAbsent(role.label(), role);
      }
      rolesByLabel = roles;
    }
    return Optional.ofNullable(rolesByLabel.get(label));
  }

  /** The site's {@code admin} project role; a site without one is an error. */
  public Role adminRole() {
    return role("admin")
        .orElseThrow(
            () ->
                new FlywheelException(
                    "GET", "/api/roles", 200, "the site has no role labelled admin"));
  }

  public Optional<User> findUser(String userId) {
    return client.findUsers(Filters.eq("_id", userId)).stream().findFirst();
  }

  /** The users holding an access level on a group (all members when {@code access} is empty). */
  public List<User> groupUsers(Group group, Optional<String> access) {
    List<User> users = new ArrayList<>();
    for (AccessPermission permission : group.permissions()) {
      if (permission.id() != null && access.map(a -> a.equals(permission.access())).orElse(true)) {
        findUser(permission.id()).ifPresent(users::add);
      }
    }
    return users;
  }

  /** The site's address for people ({@code site.redirect_url}). */
  public String siteUrl() {
    return client.siteConfig().site().redirectUrl();
  }

  public byte[] readFile(Project project, String name) {
    return client.downloadProjectFile(project.id(), name);
  }

  // ---- writes ----

  /** The group with this id; created (with this label) when there is none. */
  public synchronized Group getOrCreateGroup(String groupId, String label) {
    Optional<Group> existing = findGroup(groupId);
    if (existing.isPresent()) {
      return existing.get();
    }
    return write(
        "create group",
        groupId,
        () -> {
          try {
            return client.getGroup(client.createGroup(groupId, label));
          } catch (FlywheelException e) {
            // Someone made it since we looked (409): use theirs.
            return ifConflict(e, () -> client.findGroup(groupId));
          }
        },
        Group.unsaved(groupId, label));
  }

  /** The project with this label in the group; created when there is none. */
  public synchronized Project getOrCreateProject(Group group, String label) {
    Optional<Project> existing = findProject(group.id(), label);
    if (existing.isPresent()) {
      LOG.info("Project {}/{} exists", group.id(), label);
      return existing.get();
    }
    return write(
        "create project",
        group.id() + "/" + label,
        () -> {
          try {
            return client.getProject(client.createProject(group.id(), label, null));
          } catch (FlywheelException e) {
            return ifConflict(e, () -> client.findProject(group.id(), label));
          }
        },
        Project.unsaved(group.id(), label));
  }

  public synchronized Group addGroupTag(Group group, String tag) {
    if (group.tags().contains(tag)) {
      return group;
    }
    return write(
        "tag group",
        group.id() + " with " + tag,
        () -> {
          client.addGroupTag(group.id(), tag);
          return client.getGroup(group.id());
        },
        group.withTag(tag));
  }

  /** Offers a role to the group's projects (nothing when it already does). */
  public synchronized Group addGroupRole(Group group, Role role) {
    if (group.roles().contains(role.id())) {
      return group;
    }
    return write(
        "add role",
        role.label() + " to group " + group.id(),
        () -> {
          client.addGroupRole(group.id(), role.id());
          return client.getGroup(group.id());
        },
        group.withRole(role.id()));
  }

  /** Gives a user an access level on a group, adding or changing the user's entry. */
  public synchronized Group addUserAccess(Group group, AccessPermission permission) {
    if (permission.id() == null || permission.id().isBlank() || permission.access() == null) {
      throw new IllegalArgumentException("a group permission needs a user id and an access level");
    }
    Optional<AccessPermission> current = group.permissionOf(permission.id());
    if (current.isPresent() && permission.access().equals(current.get().access())) {
      return group;
    }
    return write(
        (current.isPresent() ? "change access of " : "give access to ") + permission.id(),
        "on group " + group.id() + " (" + permission.access() + ")",
        () -> {
          if (current.isPresent()) {
            client.updateGroupPermission(group.id(), permission.id(), permission.access());
          } else {
            client.addGroupPermission(group.id(), permission);
          }
          return client.getGroup(group.id());
        },
        group.withPermission(permission));
  }

  public synchronized Project addProjectTag(Project project, String tag) {
    if (project.tags().contains(tag)) {
      return project;
    }
    return write(
        "tag project",
        path(project) + " with " + tag,
        () -> {
          client.addProjectTag(project.id(), tag);
          return client.getProject(project.id());
        },
        project.withTag(tag));
  }

  /** Adds roles to a user on a project (a union with the roles the user has already). */
  public synchronized Project addUserRoles(Project project, RolePermission assignment) {
    Optional<RolePermission> current = project.permissionOf(assignment.id());
    Set<String> merged =
        new LinkedHashSet<>(current.map(RolePermission::roleIds).orElse(List.of()));
    merged.addAll(assignment.roleIds());
    if (current.isPresent() && merged.size() == current.get().roleIds().size()) {
      return project;
    }
    RolePermission wanted = new RolePermission(assignment.id(), List.copyOf(merged));
    return write(
        "give roles to " + assignment.id(),
        "on project " + path(project) + " " + wanted.roleIds(),
        () -> {
          if (current.isPresent()) {
            client.updateProjectPermission(project.id(), assignment.id(), wanted.roleIds());
          } else {
            client.addProjectPermission(project.id(), wanted);
          }
          return client.getProject(project.id());
        },
        project.withPermission(wanted));
  }

  /** Gives users the admin role on a project. */
  public Project addAdminUsers(Project project, List<String> userIds) {
    Role admin = adminRole();
    Project current = project;
    for (String userId : userIds) {
      current = addUserRoles(current, new RolePermission(userId, List.of(admin.id())));
    }
    return current;
  }

  public synchronized Project setDescription(Project project, String description) {
    if (description.equals(project.description())) {
      return project;
    }
    return write(
        "set description of",
        path(project),
        () -> {
          client.setProjectDescription(project.id(), description);
          return client.getProject(project.id());
        },
        project.withDescription(description));
  }

  public synchronized Project setInfo(Project project, Map<String, ?> values) {
    return write(
        "set info " + values.keySet() + " of",
        path(project),
        () -> {
          client.setProjectInfo(project.id(), values);
          return client.getProject(project.id());
        },
        project.withInfo(values));
  }

  public synchronized Project uploadFile(
      Project project, String name, byte[] content, String contentType) {
    return write(
        "upload " + name + " (" + content.length + " bytes) to",
        path(project),
        () -> {
          client.uploadProjectFile(project.id(), name, content, contentType);
          return client.getProject(project.id());
        },
        project.withFile(
            new FileEntry(null, name, contentType, content.length, null, Map.of(), 1, null)));
  }

  /**
   * The one gate of every change: sends it, or in a dry run logs it, records it and returns the
   * would-be result (which later reads then see).
   */
  private <T> T write(String action, String target, Supplier<T> send, T wouldBe) {
    if (dryRun) {
      LOG.info("Dry run: would {} {}", action, target);
      writes.add(new Write(action, target, false));
      remember(wouldBe);
      return wouldBe;
    }
    LOG.info("{} {}", capitalised(action), target);
    T result = send.get();
    writes.add(new Write(action, target, true));
    return result;
  }

  /**
   * After a 409 on a create, the container made meanwhile by someone else; a 409 for a container we
   * cannot see (Flywheel hides groups and projects one has no access to) stays an error.
   */
  private static <T> T ifConflict(FlywheelException e, Supplier<Optional<T>> find) {
    if (!e.isConflict()) {
      throw e;
    }
    return find.get()
        .orElseThrow(
            () ->
                new FlywheelException(
                    e.method(),
                    e.path(),
                    e.status(),
                    e.serverMessage() + " (it exists, but this key cannot see it)",
                    e));
  }

  private void remember(Object wouldBe) {
    if (wouldBe instanceof Group group) {
      wouldBeGroups.put(group.id(), group);
    } else if (wouldBe instanceof Project project) {
      wouldBeProjects.put(project.group() + "/" + project.label(), project);
    }
  }

  private static String path(Project project) {
    return project.group() + "/" + project.label();
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
