package directory_app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules that turn the REDCap report's records into directory entries (the seed's {@code
 * UserDirectoryEntry.create_from_record}, spec §3.9), as a pure function:
 *
 * <ul>
 *   <li>a record is complete when {@code flywheel_access_information_complete} is 2; other numbers
 *       are incomplete records, reported by record id and left out;
 *   <li>{@code flywheel_access_activities} letters: {@code a} submit forms, {@code b} submit
 *       images, {@code c} audit data, {@code d} approve data, {@code e} view reports;
 *   <li>credentials from {@code fw_credential_type} and {@code fw_credential_id}, names from {@code
 *       firstname} and {@code lastname}, the organisation from {@code contact_company_name}, the
 *       email from {@code email};
 *   <li>the center is {@code adresearchctr} when it is all digits, else 0 when the organisation is
 *       NACC (any case), else -1;
 *   <li>the submit time is {@code fw_cred_sub_time}, {@code yyyy-MM-dd HH:mm}.
 * </ul>
 *
 * A record that lacks a field, has a completion status that is not a number, no email or
 * credentials, or a submit time of another form is malformed: reported with the reason, left out.
 */
final class DirectoryRecords {
  static final String COMPLETE = "flywheel_access_information_complete";
  static final DateTimeFormatter SUBMIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final List<String> FIELDS =
      List.of(
          "firstname",
          "lastname",
          "email",
          "contact_company_name",
          "adresearchctr",
          "fw_credential_type",
          "fw_credential_id",
          "flywheel_access_activities",
          "fw_cred_sub_time");

  /** A record left out of the directory, by its record id, and why. */
  record Skipped(String recordId, String reason) {}

  /** The entries of the complete records, and the records left out. */
  record Conversion(
      List<DirectoryEntry> entries, List<Skipped> incomplete, List<Skipped> malformed) {
    Conversion {
      entries = List.copyOf(entries);
      incomplete = List.copyOf(incomplete);
      malformed = List.copyOf(malformed);
    }

    /** One line per record left out: {@code Record 3: incomplete (...), not in the directory}. */
    List<String> notices() {
      List<String> lines = new ArrayList<>();
      incomplete.forEach(
          s -> lines.add("Record " + s.recordId() + ": incomplete (" + s.reason() + "), left out"));
      malformed.forEach(
          s -> lines.add("Record " + s.recordId() + ": malformed: " + s.reason() + ", left out"));
      return lines;
    }
  }

  private static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private DirectoryRecords() {}

  static Conversion convert(List<JsonNode> records) {
    List<DirectoryEntry> entries = new ArrayList<>();
    List<Skipped> incomplete = new ArrayList<>();
    List<Skipped> malformed = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      String id =
          record.path("record_id").isValueNode() && !record.path("record_id").asText().isBlank()
              ? record.path("record_id").asText()
              : "in row " + (i + 1) + " (no record_id)";
      try {
        if (!record.isObject()) {
          throw new Malformed("not a map of fields");
        }
        String status = text(record, COMPLETE).strip();
        if (!DIGITS.matcher(status).matches()) {
          throw new Malformed(COMPLETE + " is not a number: '" + status + "'");
        }
        if (!status.replaceFirst("^0+(?=.)", "").equals("2")) {
          incomplete.add(new Skipped(id, COMPLETE + " is " + status + ", not 2"));
          continue;
        }
        entries.add(entry(record));
      } catch (Malformed e) {
        malformed.add(new Skipped(id, e.getMessage()));
      }
    }
    return new Conversion(entries, incomplete, malformed);
  }

  private static DirectoryEntry entry(JsonNode record) throws Malformed {
    for (String field : FIELDS) {
      text(record, field);
    }
    String email = required(record, "email");
    String credentialType = required(record, "fw_credential_type");
    String credentialId = required(record, "fw_credential_id");
    String time = text(record, "fw_cred_sub_time").strip();
    LocalDateTime submitTime;
    try {
      submitTime = LocalDateTime.parse(time, SUBMIT_TIME);
    } catch (DateTimeParseException e) {
      throw new Malformed("fw_cred_sub_time '" + time + "' is not yyyy-MM-dd HH:mm");
    }
    String org = text(record, "contact_company_name").strip();
    String activities = text(record, "flywheel_access_activities");
    List<String> submit = new ArrayList<>();
    if (activities.contains("a")) {
      submit.add("form");
    }
    if (activities.contains("b")) {
      submit.add("image");
    }
    return new DirectoryEntry(
        org,
        centerId(text(record, "adresearchctr").strip(), org),
        text(record, "firstname").strip(),
        text(record, "lastname").strip(),
        email,
        submit,
        activities.contains("c"),
        activities.contains("d"),
        activities.contains("e"),
        credentialType,
        credentialId,
        submitTime);
  }

  /** The ADCID when the field is all digits; NACC staff are 0; anyone else -1 (no center). */
  static int centerId(String center, String org) {
    if (DIGITS.matcher(center).matches() && center.length() <= 9) {
      return Integer.parseInt(center);
    }
    return org.toLowerCase(Locale.ROOT).equals("nacc") ? 0 : -1;
  }

  private static String text(JsonNode record, String field) throws Malformed {
    JsonNode value = record.get(field);
    if (value == null || !value.isValueNode()) {
      throw new Malformed("no field " + field);
    }
    return value.isNull() ? "" : value.asText();
  }

  private static String required(JsonNode record, String field) throws Malformed {
    String value = text(record, field).strip();
    if (value.isEmpty()) {
      throw new Malformed(field + " is blank");
    }
    return value;
  }
}
