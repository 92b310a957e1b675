package project_app.state;

import fwgear.engine.GearExecutionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import project_app.definition.CenterDefinition;
import project_app.definition.StudyDefinition;

/**
 * The groups and projects the project file asks for, with their tags, roles and permissions
 * (reference section 2.1):
 *
 * <ul>
 *   <li>a group per center: its tags, the {@code curate} and {@code upload} roles, and every member
 *       of the admin group with the access level they have there;
 *   <li>per study and center: {@code ingest-<datatype>} projects (active centers only), {@code
 *       retrospective-<datatype>} projects, both tagged like the center, then {@code accepted} and
 *       {@code metadata};
 *   <li>for a published study, a release group with the admin group's members and a {@code
 *       master-project} where each of them has the {@code admin} role.
 * </ul>
 *
 * Groups and projects are in the order the file names them.
 */
public record DesiredState(
    List<GroupSpec> groups, List<ProjectSpec> projects, List<String> notices) {

  /** The labels of the site roles every center group offers. */
  public static final List<String> CENTER_ROLES = List.of("curate", "upload");

  public static final String ADMIN_ROLE = "admin";
  public static final String METADATA = "metadata";
  public static final String MASTER_PROJECT = "master-project";

  public DesiredState {
    groups = List.copyOf(groups);
    projects = List.copyOf(projects);
    notices = List.copyOf(notices);
  }

  public List<ProjectSpec> projectsOf(String groupId) {
    return projects.stream().filter(project -> project.groupId().equals(groupId)).toList();
  }

  /**
   * @param adminGroupId the admin group's id, for messages
   * @param adminGroup the admin group, when it exists; its members are given access everywhere
   * @param siteRoles the site's roles by label
   * @param newOnly only the centers tagged {@code new-center}
   * @throws GearExecutionException when a published study needs the {@code admin} role and the site
   *     has none (checked before anything is written)
   */
  public static DesiredState of(
      List<StudyDefinition> studies,
      String adminGroupId,
      Optional<GroupState> adminGroup,
      Map<String, RoleRef> siteRoles,
      boolean newOnly)
      throws GearExecutionException {
    return new Builder(adminGroupId, adminGroup, siteRoles, newOnly).build(studies);
  }

  private static final class Builder {
    private final Map<String, String> adminAccess;
    private final Map<String, RoleRef> siteRoles;
    private final boolean newOnly;
    private final List<RoleRef> centerRoles = new ArrayList<>();
    private final Map<String, GroupDraft> groups = new LinkedHashMap<>();
    private final Map<String, ProjectDraft> projects = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();

    Builder(
        String adminGroupId,
        Optional<GroupState> adminGroup,
        Map<String, RoleRef> siteRoles,
        boolean newOnly) {
      this.adminAccess = adminGroup.map(GroupState::permissions).orElse(Map.of());
      this.siteRoles = siteRoles;
      this.newOnly = newOnly;
      if (adminGroup.isEmpty()) {
        notices.add(
            "admin group "
                + adminGroupId
                + " not found: no user is given access to the groups and projects");
      }
      for (String label : CENTER_ROLES) {
        RoleRef role = siteRoles.get(label);
        if (role == null) {
          notices.add("no site role " + label + ": center groups are made without it");
        } else {
          centerRoles.add(role);
        }
      }
    }

    DesiredState build(List<StudyDefinition> studies) throws GearExecutionException {
      for (StudyDefinition study : studies) {
        addCenters(study);
        addRelease(study);
      }
      return new DesiredState(
          groups.values().stream().map(GroupDraft::spec).toList(),
          projects.values().stream().map(ProjectDraft::spec).toList(),
          notices);
    }

    private void addCenters(StudyDefinition study) {
      for (CenterDefinition center : study.centers()) {
        if (newOnly && !center.isNew()) {
          continue;
        }
        GroupDraft group = group(center.centerId(), center.name());
        group.tags.addAll(center.tags());
        group.roles.addAll(centerRoles);
        group.permissions.putAll(adminAccess);
        String id = center.centerId();
        if (center.active()) {
          study.datatypes().forEach(type -> project(id, study.ingestLabel(type), center.tags()));
        }
        study
            .datatypes()
            .forEach(type -> project(id, study.retrospectiveLabel(type), center.tags()));
        project(id, study.acceptedLabel(), List.of());
        project(id, METADATA, List.of());
      }
    }

    private void addRelease(StudyDefinition study) throws GearExecutionException {
      if (!study.published()) {
        return;
      }
      GroupDraft release = group(study.releaseGroupId(), study.releaseGroupLabel());
      release.permissions.putAll(adminAccess);
      ProjectDraft master = project(release.id, MASTER_PROJECT, List.of());
      if (adminAccess.isEmpty()) {
        return;
      }
      RoleRef admin = siteRoles.get(ADMIN_ROLE);
      if (admin == null) {
        throw new GearExecutionException(
            "the site has no role labelled "
                + ADMIN_ROLE
                + ", which "
                + release.id
                + "/"
                + MASTER_PROJECT
                + " needs; nothing was changed");
      }
      // Every admin-group member, whatever their access level there (reference section 4.2).
      adminAccess.keySet().forEach(user -> master.userRoles.put(user, admin));
    }

    private GroupDraft group(String id, String label) {
      return groups.computeIfAbsent(id, key -> new GroupDraft(id, label));
    }

    private ProjectDraft project(String groupId, String label, List<String> tags) {
      ProjectDraft project =
          projects.computeIfAbsent(groupId + "/" + label, key -> new ProjectDraft(groupId, label));
      project.tags.addAll(tags);
      return project;
    }
  }

  private static final class GroupDraft {
    final String id;
    final String label;
    final Set<String> tags = new LinkedHashSet<>();
    final Set<RoleRef> roles = new LinkedHashSet<>();
    final Map<String, String> permissions = new LinkedHashMap<>();

    GroupDraft(String id, String label) {
      this.id = id;
      this.label = label;
    }

    GroupSpec spec() {
      return new GroupSpec(id, label, tags, List.copyOf(roles), permissions);
    }
  }

  private static final class ProjectDraft {
    final String groupId;
    final String label;
    final Set<String> tags = new LinkedHashSet<>();
    final Map<String, RoleRef> userRoles = new LinkedHashMap<>();

    ProjectDraft(String groupId, String label) {
      this.groupId = groupId;
      this.label = label;
    }

    ProjectSpec spec() {
      Map<String, List<RoleRef>> roles = new LinkedHashMap<>();
      userRoles.forEach((user, role) -> roles.put(user, List.of(role)));
      return new ProjectSpec(groupId, label, tags, roles);
    }
  }
}
