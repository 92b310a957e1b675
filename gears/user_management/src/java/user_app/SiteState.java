package user_app;

import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.flywheel.Role;
import fwgear.flywheel.User;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the planner needs to know of the site, read before anything is planned.
 *
 * @param adminGroup the admin group's id
 * @param admins the ids of the admin group's admins (left as they are)
 * @param users the site's users by id
 * @param centers the center groups (tagged {@code adcid-<n>}), by ADC id, in id order; more than
 *     one group for an ADC id is an ambiguous center
 * @param projects the projects of each center group, by group id
 * @param roles the site's roles by label
 */
record SiteState(
    String adminGroup,
    Set<String> admins,
    Map<String, User> users,
    Map<Integer, List<Group>> centers,
    Map<String, List<Project>> projects,
    Map<String, Role> roles) {
  SiteState {
    admins = Set.copyOf(admins);
    users = Map.copyOf(users);
    centers = Map.copyOf(centers);
    projects = Map.copyOf(projects);
    roles = Map.copyOf(roles);
  }
}
