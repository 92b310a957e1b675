package user_app;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.centers.PipelineLabels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The roles table of docs/user_management/index.md, row by row, on labels as PipelineLabels reads
 * them.
 */
class AccessRulesTest {
  static final UserEntry.Authorizations NONE = UserEntry.Authorizations.NONE;

  private static List<String> roles(UserEntry.Authorizations authorizations, String label) {
    return List.copyOf(AccessRules.roles(authorizations, PipelineLabels.read(label).orElseThrow()));
  }

  @Test
  void submittersUploadToTheIngestProjectsOfWhatTheySubmit() {
    UserEntry.Authorizations forms =
        new UserEntry.Authorizations(List.of("form"), false, false, false);
    UserEntry.Authorizations images =
        new UserEntry.Authorizations(List.of("image"), false, false, false);
    assertThat(roles(forms, "ingest-form")).containsExactly("upload");
    assertThat(roles(forms, "retrospective-form-tau")).containsExactly("upload");
    assertThat(roles(forms, "ingest-dicom")).isEmpty();
    assertThat(roles(images, "ingest-dicom-tau")).containsExactly("upload");
    assertThat(roles(images, "ingest-form")).isEmpty();
    assertThat(roles(forms, "accepted")).isEmpty();
  }

  @Test
  void auditorsReadApproversCurateAndReportViewersReadTheAcceptedData() {
    UserEntry.Authorizations audit = new UserEntry.Authorizations(List.of(), true, false, false);
    UserEntry.Authorizations approve = new UserEntry.Authorizations(List.of(), false, true, false);
    UserEntry.Authorizations view = new UserEntry.Authorizations(List.of(), false, false, true);
    assertThat(roles(audit, "ingest-form")).containsExactly("read-only");
    assertThat(roles(audit, "accepted-tau")).containsExactly("read-only");
    assertThat(roles(approve, "retrospective-dicom")).containsExactly("curate");
    assertThat(roles(approve, "accepted")).containsExactly("read-only");
    assertThat(roles(view, "ingest-form")).isEmpty();
    assertThat(roles(view, "accepted")).containsExactly("read-only");
    assertThat(roles(NONE, "ingest-form")).isEmpty();
  }

  @Test
  void twoEntriesForOneCenterAddUp() {
    UserEntry.Authorizations both =
        new UserEntry.Authorizations(List.of("form"), false, false, false)
            .union(new UserEntry.Authorizations(List.of("image", "form"), false, true, false));
    assertThat(both.submit()).containsExactly("form", "image");
    assertThat(roles(both, "ingest-dicom")).containsExactly("curate", "upload");
  }
}
