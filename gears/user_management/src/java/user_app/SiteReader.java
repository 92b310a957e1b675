package user_app;

import fwgear.centers.CenterGroups;
import fwgear.engine.GearExecutionException;
import fwgear.flywheel.AccessPermission;
import fwgear.flywheel.Filters;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.flywheel.Role;
import fwgear.flywheel.User;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads what the planner needs, all before the first write: the admin group's admins, the site's
 * users and roles, the center groups of the entries' ADC ids (one query for every group tagged
 * {@code adcid-<n>}, then matched exactly) and those groups' projects.
 */
final class SiteReader {
  private SiteReader() {}

  static SiteState read(FlywheelClient client, String adminGroup, Collection<Integer> centerIds)
      throws GearExecutionException {
    Group admin =
        client
            .findGroup(adminGroup)
            .orElseThrow(
                () -> new GearExecutionException("No admin group " + adminGroup + " on the site"));
    Set<String> admins =
        admin.permissions().stream()
            .filter(p -> AccessPermission.ADMIN.equals(p.access()))
            .map(AccessPermission::id)
            .collect(Collectors.toSet());
    Map<String, User> users = new HashMap<>();
    client.findUsers().forEach(user -> users.put(user.id(), user));
    Map<String, Role> roles = new HashMap<>();
    client.roles().forEach(role -> roles.putIfAbsent(role.label(), role));

    List<Group> tagged =
        client.findGroups(Filters.matches("tags", CenterGroups.CENTER_TAG_REGEX)).stream()
            .sorted(Comparator.comparing(Group::id))
            .toList();
    Map<Integer, List<Group>> centers = new LinkedHashMap<>();
    Map<String, List<Project>> projects = new HashMap<>();
    for (int centerId : new TreeSet<>(centerIds)) {
      List<Group> groups =
          tagged.stream().filter(g -> CenterGroups.isCenter(g.tags(), centerId)).toList();
      centers.put(centerId, groups);
      for (Group group : groups) {
        projects.computeIfAbsent(
            group.id(),
            id ->
                client.groupProjects(id).stream()
                    .sorted(Comparator.comparing(Project::label))
                    .toList());
      }
    }
    return new SiteState(adminGroup, admins, users, centers, projects, roles);
  }
}
