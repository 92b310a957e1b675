package user_app;

import java.util.List;

/**
 * One entry of the user file (the seed's {@code UserDirectoryEntry}, as directory_pull writes it):
 * who the user is, which center they belong to and what they may do there.
 *
 * @param line the entry's line in the user file, to name it in messages
 * @param userId the Flywheel user id: the credential id ({@code credentials.id})
 * @param centerId the ADC id of the user's center; 0 for NACC staff, -1 for no center
 */
record UserEntry(
    int line,
    String userId,
    String credentialType,
    String email,
    String firstName,
    String lastName,
    String orgName,
    int centerId,
    Authorizations authorizations) {

  /** What the user may do at the center ({@code authorizations} in the file). */
  record Authorizations(
      List<String> submit, boolean auditData, boolean approveData, boolean viewReports) {
    static final Authorizations NONE = new Authorizations(List.of(), false, false, false);

    Authorizations {
      submit = List.copyOf(submit);
    }

    /** Everything either allows (a user with two entries for one center gets both). */
    Authorizations union(Authorizations other) {
      List<String> both = new java.util.ArrayList<>(submit);
      other.submit.stream().filter(s -> !both.contains(s)).forEach(both::add);
      return new Authorizations(
          both,
          auditData || other.auditData,
          approveData || other.approveData,
          viewReports || other.viewReports);
    }
  }

  /** {@code entry on line 12 (user 0000-0001-0000-0001)}, how messages name an entry. */
  String where() {
    return "entry on line " + line + " (user " + userId + ")";
  }
}
