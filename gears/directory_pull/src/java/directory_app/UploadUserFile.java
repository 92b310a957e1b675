package directory_app;

import fwgear.plan.Change;
import fwgear.plan.Target;

/**
 * The one write this gear makes: the user file uploaded to the admin project, when the project has
 * no file of that name or one with another hash.
 *
 * @param project the project as the plan names it, {@code group/label}
 * @param creates true when the project has no file of that name yet
 */
record UploadUserFile(
    String projectId, String project, String fileName, byte[] content, int entries, boolean creates)
    implements Change {

  static Target target(String project, String fileName) {
    return Target.file(project, fileName);
  }

  /** {@code 1 directory entry}, {@code 3 directory entries}. */
  static String entries(int n) {
    return n + (n == 1 ? " directory entry" : " directory entries");
  }

  @Override
  public Target target() {
    return target(project, fileName);
  }

  @Override
  public String describe() {
    return "upload "
        + fileName
        + " ("
        + entries(entries)
        + ", "
        + content.length
        + " bytes) to project "
        + project
        + (creates ? "" : ", replacing a file with other content");
  }
}
