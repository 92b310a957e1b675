package project_app.plan;

/** The closing line of a run: what was (or, in a dry run, would be) created and updated. */
public record Summary(
    int createdGroups,
    int createdProjects,
    int updatedGroups,
    int updatedProjects,
    int unchangedGroups,
    int unchangedProjects,
    int writes) {

  public String format(boolean dryRun) {
    return (dryRun ? "Dry run, nothing written. Would have " : "")
        + (dryRun ? "created " : "Created ")
        + groups(createdGroups)
        + " and "
        + projects(createdProjects)
        + "; "
        + (dryRun ? "updated " : "updated ")
        + groups(updatedGroups)
        + " and "
        + projects(updatedProjects)
        + "; unchanged "
        + groups(unchangedGroups)
        + " and "
        + projects(unchangedProjects)
        + " ("
        + writes
        + (writes == 1 ? " write" : " writes")
        + ")";
  }

  private static String groups(int n) {
    return n + (n == 1 ? " group" : " groups");
  }

  private static String projects(int n) {
    return n + (n == 1 ? " project" : " projects");
  }
}
