package directory_app;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user of the NACC directory, as the user file holds it (the seed's {@code
 * UserDirectoryEntry}): the shape user_management reads.
 *
 * @param centerId the ADCID, {@code 0} for NACC staff, {@code -1} when the record names no center
 * @param submit the datatypes the user may submit ({@code form}, {@code image})
 */
record DirectoryEntry(
    String orgName,
    int centerId,
    String firstName,
    String lastName,
    String email,
    List<String> submit,
    boolean auditData,
    boolean approveData,
    boolean viewReports,
    String credentialType,
    String credentialId,
    LocalDateTime submitTime) {

  /** How the user file writes {@code submit_time}, as PyYAML writes a datetime. */
  static final DateTimeFormatter SUBMIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  DirectoryEntry {
    submit = List.copyOf(submit);
  }

  /** The entry as the user file's YAML map, keys in alphabetical order at every level. */
  Map<String, Object> toMap() {
    Map<String, Object> authorizations = new LinkedHashMap<>();
    authorizations.put("approve_data", approveData);
    authorizations.put("audit_data", auditData);
    authorizations.put("submit", submit);
    authorizations.put("view_reports", viewReports);
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("id", credentialId);
    credentials.put("type", credentialType);
    Map<String, Object> name = new LinkedHashMap<>();
    name.put("first_name", firstName);
    name.put("last_name", lastName);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("authorizations", authorizations);
    entry.put("center_id", centerId);
    entry.put("credentials", credentials);
    entry.put("email", email);
    entry.put("name", name);
    entry.put("org_name", orgName);
    entry.put("submit_time", SUBMIT_TIME.format(submitTime));
    return entry;
  }
}
