package user_app;

import fwgear.centers.PipelineLabels.Pipeline;
import fwgear.centers.PipelineStage;
import fwgear.flywheel.AccessPermission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a directory entry's authorizations give at its center, in one place (and in
 * docs/user_management/index.md). Every user of a center gets read-only access to the center's
 * group (so that the center is listed for them); the project roles, by the project's pipeline stage
 * and datatype ({@code fwgear.centers.PipelineLabels}), are:
 *
 * <table>
 *   <caption>roles by authorization</caption>
 *   <tr><th>authorization</th><th>ingest-/retrospective- projects</th><th>accepted</th></tr>
 *   <tr><td>submit form</td><td>{@code upload} on those of datatype form</td><td>-</td></tr>
 *   <tr><td>submit image</td><td>{@code upload} on those of datatype dicom</td><td>-</td></tr>
 *   <tr><td>audit_data</td><td>{@code read-only}</td><td>{@code read-only}</td></tr>
 *   <tr><td>approve_data</td><td>{@code curate}</td><td>{@code read-only}</td></tr>
 *   <tr><td>view_reports</td><td>-</td><td>{@code read-only}</td></tr>
 * </table>
 *
 * Other projects (metadata, templates) get nothing. Roles are named by label; the gear offers a
 * role to the group when the group does not offer it yet (Flywheel assigns only offered roles).
 * Access is only ever added: a user's other roles and a higher group access stay.
 */
final class AccessRules {
  static final String GROUP_ACCESS = AccessPermission.READ_ONLY;
  static final String UPLOAD = "upload";
  static final String CURATE = "curate";
  static final String READ_ONLY = "read-only";

  /** The datatype of the ingest projects that each submittable kind of data goes to. */
  static final Map<String, String> SUBMIT_DATATYPES = Map.of("form", "form", "image", "dicom");

  /** Every role label these rules give, for checking the site has them. */
  static final List<String> ROLES = List.of(CURATE, READ_ONLY, UPLOAD);

  private AccessRules() {}

  /** The role labels, sorted, that these authorizations give on a project of this pipeline. */
  static TreeSet<String> roles(UserEntry.Authorizations authorizations, Pipeline pipeline) {
    TreeSet<String> roles = new TreeSet<>();
    if (pipeline.stage() == PipelineStage.ACCEPTED) {
      if (authorizations.auditData()
          || authorizations.approveData()
          || authorizations.viewReports()) {
        roles.add(READ_ONLY);
      }
      return roles;
    }
    String datatype = pipeline.datatype().toLowerCase(Locale.ROOT);
    for (String kind : authorizations.submit()) {
      if (datatype.equals(SUBMIT_DATATYPES.get(kind))) {
        roles.add(UPLOAD);
      }
    }
    if (authorizations.approveData()) {
      roles.add(CURATE);
    }
    if (authorizations.auditData()) {
      roles.add(READ_ONLY);
    }
    return roles;
  }
}
