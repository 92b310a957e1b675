package metadata_app;

import fwgear.plan.Change;
import fwgear.plan.Target;
import java.nio.file.Path;

/**
 * The one write this gear makes: a center's split table uploaded to its project, when the project
 * has no file of that name or one with other bytes (Flywheel's hash says which).
 *
 * @param project the project as the plan names it, {@code group/label}
 * @param creates true when the project has no file of that name yet
 */
record UploadFile(
    String projectId,
    String project,
    String fileName,
    String adcid,
    Path content,
    long rows,
    long size,
    String hash,
    boolean creates)
    implements Change {

  static Target target(String project, String fileName) {
    return Target.file(project, fileName);
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
        + rows
        + (rows == 1 ? " row" : " rows")
        + " of ADCID "
        + adcid
        + ", "
        + size
        + " bytes) to project "
        + project
        + (creates ? "" : ", replacing a file with other content");
  }
}
