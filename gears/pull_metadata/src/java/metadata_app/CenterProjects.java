package metadata_app;

import fwgear.centers.CenterGroups;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The destination of each center's rows (the seed's {@code build_project_map}): the project
 * labelled {@code destination_label} in the group tagged {@code adcid-<n>}, by ADCID.
 */
final class CenterProjects {
  private static final Pattern CENTER_TAG = Pattern.compile(CenterGroups.CENTER_TAG_REGEX);

  private final Map<String, Project> byAdcid;
  private final Map<String, String> groupByAdcid;

  private CenterProjects(Map<String, Project> byAdcid, Map<String, String> groupByAdcid) {
    this.byAdcid = byAdcid;
    this.groupByAdcid = groupByAdcid;
  }

  /** Reads the center groups and their destination projects (with their files). */
  static CenterProjects read(FlywheelClient client, String destinationLabel) {
    Map<String, Project> projects = new TreeMap<>();
    Map<String, String> groups = new TreeMap<>();
    for (Group group : client.findGroups()) {
      for (String tag : group.tags()) {
        if (!CENTER_TAG.matcher(tag).matches()) {
          continue;
        }
        String adcid = new java.math.BigInteger(tag.substring("adcid-".length())).toString();
        groups.putIfAbsent(adcid, group.id());
        client
            .findProject(group.id(), destinationLabel)
            .map(p -> client.getProject(p.id()))
            .ifPresent(p -> projects.putIfAbsent(adcid, p));
      }
    }
    return new CenterProjects(projects, groups);
  }

  static CenterProjects of(Map<String, Project> byAdcid, Map<String, String> groupByAdcid) {
    return new CenterProjects(new TreeMap<>(byAdcid), new TreeMap<>(groupByAdcid));
  }

  Optional<Project> project(String adcid) {
    return Optional.ofNullable(byAdcid.get(adcid));
  }

  /** The group tagged {@code adcid-<n>}, when there is one (it may lack the project). */
  Optional<String> group(String adcid) {
    return Optional.ofNullable(groupByAdcid.get(adcid));
  }

  boolean isEmpty() {
    return byAdcid.isEmpty();
  }

  int size() {
    return byAdcid.size();
  }
}
