package project_app.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The difference between what the project file wants and what Flywheel has: the writes to make, in
 * order, and notices for the user (such as a group whose label differs from the file's).
 *
 * @param groups the group ids the file asks for, in order
 * @param projects the project paths ({@code group/label}) the file asks for, in order
 */
public record Plan(
    List<Change> changes, List<String> notices, List<String> groups, List<String> projects) {

  public Plan {
    changes = List.copyOf(changes);
    notices = List.copyOf(notices);
    groups = List.copyOf(groups);
    projects = List.copyOf(projects);
  }

  /** The same plan with other changes, such as those actually made. */
  public Plan withChanges(List<Change> otherChanges) {
    return new Plan(otherChanges, notices, groups, projects);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** How many groups and projects are created, updated and left unchanged. */
  public Summary summary() {
    Set<String> created = new LinkedHashSet<>();
    Set<String> touched = new LinkedHashSet<>();
    for (Change change : changes) {
      if (change instanceof Change.CreateGroup || change instanceof Change.CreateProject) {
        created.add(change.container());
      }
      touched.add(change.container());
    }
    return new Summary(
        count(groups, created, true),
        count(projects, created, true),
        count(groups, touched, true) - count(groups, created, true),
        count(projects, touched, true) - count(projects, created, true),
        count(groups, touched, false),
        count(projects, touched, false),
        changes.size());
  }

  private static int count(List<String> containers, Set<String> set, boolean in) {
    return (int) containers.stream().filter(container -> set.contains(container) == in).count();
  }
}
