package user_app;

import fwgear.centers.CenterGroups;
import fwgear.centers.PipelineLabels;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.flywheel.Role;
import fwgear.flywheel.RolePermission;
import fwgear.flywheel.User;
import fwgear.flywheel.UserUpdate;
import fwgear.plan.Plan;
import fwgear.plan.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * From the entries and the site, the whole plan (pure; no Flywheel call):
 *
 * <ol>
 *   <li>entries of the admin group's admins are skipped (their access is managed by hand);
 *   <li>an entry Flywheel cannot take (a user id or email it refuses), or whose center has no group
 *       tagged exactly {@code adcid-<center_id>} or more than one, is reported and left out;
 *   <li>each user left is created when missing (id from the credentials, email, names), or has
 *       their email and names brought to the directory's when they differ;
 *   <li>for each center group: the roles the rules give ({@link AccessRules}) are offered to the
 *       group if it does not offer them, each user gets read-only group access if they have none,
 *       and each pipeline project gives each user the roles they lack.
 * </ol>
 *
 * A user with several entries is created from the first; entries for the same center add up.
 * Nothing is taken away, so a rerun with the same file plans nothing.
 */
final class Planner {
  /** Flywheel's user id rule (its route pattern). */
  static final Pattern USER_ID = Pattern.compile("[0-9a-zA-Z.@_-]{1,256}");

  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  /**
   * The plan, with the entries reported along the way.
   *
   * @param skipped admins' entries left as they are (information, not a problem)
   * @param errors what stops the run before any write (a role the site lacks)
   */
  record Result(Plan<UserChange> plan, List<String> skipped, List<String> errors) {}

  private final SiteState site;
  private final List<String> notices = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();
  private final List<UserChange> changes = new ArrayList<>();

  private Planner(SiteState site) {
    this.site = site;
  }

  static Result plan(List<UserEntry> entries, SiteState site) {
    Planner planner = new Planner(site);
    planner.planAll(entries);
    return new Result(
        new Plan<>(planner.changes, planner.notices, planner.targets),
        planner.skipped,
        planner.errors);
  }

  private void planAll(List<UserEntry> entries) {
    Map<String, UserEntry> users = new LinkedHashMap<>();
    // group id -> user id -> authorizations there (TreeMap: groups in id order)
    Map<String, Map<String, UserEntry.Authorizations>> grants = new TreeMap<>();
    Map<String, Group> groups = new LinkedHashMap<>();
    for (UserEntry entry : entries) {
      Optional<Group> group = accepted(entry);
      if (group.isEmpty()) {
        continue;
      }
      UserEntry first = users.putIfAbsent(entry.userId(), entry);
      if (first != null && !samePerson(first, entry)) {
        notices.add(
            entry.where()
                + ": the same user as the entry on line "
                + first.line()
                + " with another email or name; the first one's are used");
      }
      groups.put(group.get().id(), group.get());
      grants
          .computeIfAbsent(group.get().id(), id -> new LinkedHashMap<>())
          .merge(entry.userId(), entry.authorizations(), UserEntry.Authorizations::union);
    }
    users.values().forEach(this::planUser);
    grants.forEach((groupId, byUser) -> planCenter(groups.get(groupId), byUser));
  }

  /** The entry's center group, or empty (reported) when the entry is left out. */
  private Optional<Group> accepted(UserEntry entry) {
    if (site.admins().contains(entry.userId())) {
      skipped.add(
          "Skipping admin user "
              + entry.userId()
              + " (an admin of group "
              + site.adminGroup()
              + "; line "
              + entry.line()
              + ")");
      return Optional.empty();
    }
    if (!USER_ID.matcher(entry.userId()).matches()) {
      notices.add(
          entry.where()
              + ": not a Flywheel user id (1 to 256 of a-z, A-Z, 0-9, '.', '@', '_', '-'); left out");
      return Optional.empty();
    }
    if (!EMAIL.matcher(entry.email()).matches()) {
      notices.add(entry.where() + ": email '" + entry.email() + "' is not an address; left out");
      return Optional.empty();
    }
    String tag = CenterGroups.tag(entry.centerId());
    if (entry.centerId() < 0) {
      notices.add(entry.where() + ": no center (center_id " + entry.centerId() + "); left out");
      return Optional.empty();
    }
    List<Group> groups = site.centers().getOrDefault(entry.centerId(), List.of());
    if (groups.isEmpty()) {
      notices.add(entry.where() + ": no center group is tagged " + tag + "; left out");
      return Optional.empty();
    }
    if (groups.size() > 1) {
      notices.add(
          entry.where()
              + ": "
              + groups.size()
              + " groups are tagged "
              + tag
              + " ("
              + groups.stream().map(Group::id).collect(Collectors.joining(", "))
              + "), which center is meant is unclear; left out");
      return Optional.empty();
    }
    return Optional.of(groups.get(0));
  }

  private static boolean samePerson(UserEntry a, UserEntry b) {
    return a.email().equals(b.email())
        && a.firstName().equals(b.firstName())
        && a.lastName().equals(b.lastName());
  }

  private void planUser(UserEntry entry) {
    targets.add(UserChange.user(entry.userId()));
    User user = site.users().get(entry.userId());
    if (user == null) {
      changes.add(
          new UserChange.CreateUser(
              entry.userId(), entry.email(), entry.firstName(), entry.lastName()));
      return;
    }
    List<String> what = new ArrayList<>();
    String email = differs(user.email(), entry.email(), "email", what);
    String first = differs(user.firstname(), entry.firstName(), "firstname", what);
    String last = differs(user.lastname(), entry.lastName(), "lastname", what);
    if (!what.isEmpty()) {
      changes.add(
          new UserChange.UpdateUser(
              entry.userId(), new UserUpdate(email, first, last, null), String.join(", ", what)));
    }
    if (user.disabled()) {
      notices.add(entry.where() + ": the user is disabled on the site; left disabled");
    }
  }

  private static String differs(String now, String wanted, String field, List<String> what) {
    if (wanted.equals(now == null ? "" : now)) {
      return null;
    }
    what.add(field + " '" + (now == null ? "" : now) + "' -> '" + wanted + "'");
    return wanted;
  }

  private void planCenter(Group group, Map<String, UserEntry.Authorizations> byUser) {
    targets.add(UserChange.group(group.id()));
    List<Project> projects = site.projects().getOrDefault(group.id(), List.of());
    // project id -> user id -> role labels the rules give
    Map<Project, Map<String, TreeSet<String>>> wanted = new LinkedHashMap<>();
    Set<String> labels = new TreeSet<>();
    for (Project project : projects) {
      Optional<PipelineLabels.Pipeline> pipeline = PipelineLabels.read(project.label());
      if (pipeline.isEmpty()) {
        continue;
      }
      targets.add(UserChange.project(path(project)));
      Map<String, TreeSet<String>> roles = new LinkedHashMap<>();
      byUser.forEach(
          (userId, authorizations) -> {
            TreeSet<String> given = AccessRules.roles(authorizations, pipeline.get());
            if (!given.isEmpty()) {
              roles.put(userId, given);
              labels.addAll(given);
            }
          });
      wanted.put(project, roles);
    }
    Map<String, Role> roles = new LinkedHashMap<>();
    Set<String> offered = new LinkedHashSet<>(group.roles());
    for (String label : labels) {
      Role role = site.roles().get(label);
      if (role == null) {
        errors.add(
            "The site has no role labelled "
                + label
                + " (needed on the projects of group "
                + group.id()
                + "); add it, then run again");
        continue;
      }
      roles.put(label, role);
      if (offered.add(role.id())) {
        changes.add(new UserChange.OfferRole(group.id(), role.id(), label));
      }
    }
    for (String userId : byUser.keySet()) {
      if (group.permissionOf(userId).isEmpty()) {
        changes.add(new UserChange.AddGroupAccess(group.id(), userId, AccessRules.GROUP_ACCESS));
      }
    }
    wanted.forEach(
        (project, byProjectUser) ->
            byProjectUser.forEach(
                (userId, given) -> planProjectRoles(project, userId, given, roles)));
  }

  private void planProjectRoles(
      Project project, String userId, Set<String> labels, Map<String, Role> roles) {
    List<String> wantedIds = new ArrayList<>();
    List<String> wantedLabels = new ArrayList<>();
    for (String label : labels) {
      Role role = roles.get(label);
      if (role != null) {
        wantedIds.add(role.id());
        wantedLabels.add(label);
      }
    }
    if (wantedIds.isEmpty()) {
      return;
    }
    Optional<RolePermission> existing = project.permissionOf(userId);
    if (existing.isEmpty()) {
      changes.add(
          new UserChange.AddProjectRoles(
              project.id(), path(project), userId, wantedIds, wantedLabels));
      return;
    }
    List<String> all = new ArrayList<>(existing.get().roleIds());
    List<String> added = new ArrayList<>();
    for (int i = 0; i < wantedIds.size(); i++) {
      if (!all.contains(wantedIds.get(i))) {
        all.add(wantedIds.get(i));
        added.add(wantedLabels.get(i));
      }
    }
    if (!added.isEmpty()) {
      changes.add(
          new UserChange.ExtendProjectRoles(project.id(), path(project), userId, all, added));
    }
  }

  private static String path(Project project) {
    return project.group() + "/" + project.label();
  }
}
