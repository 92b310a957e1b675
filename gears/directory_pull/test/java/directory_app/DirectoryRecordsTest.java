package directory_app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The §3.9 rules, record by record. */
class DirectoryRecordsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode record(String id) {
    ObjectNode r = JSON.createObjectNode();
    r.put("record_id", id);
    r.put("firstname", " Alex ");
    r.put("lastname", "Alpha");
    r.put("email", "alex@alpha.example");
    r.put("contact_company_name", "Alpha ADRC");
    r.put("adresearchctr", "12");
    r.put("fw_credential_type", "orcid");
    r.put("fw_credential_id", "0000-0001");
    r.put("flywheel_access_activities", "a,b,c,d,e");
    r.put("fw_cred_sub_time", "2026-11-02 09:30");
    r.put("flywheel_access_information_complete", "2");
    return r;
  }

  static DirectoryRecords.Conversion convert(JsonNode... records) {
    return DirectoryRecords.convert(List.of(records));
  }

  @Test
  void everyActivityLetterIsOneAuthorization() {
    DirectoryEntry all = convert(record("1")).entries().get(0);
    assertThat(all.submit()).containsExactly("form", "image");
    assertThat(all.auditData()).isTrue();
    assertThat(all.approveData()).isTrue();
    assertThat(all.viewReports()).isTrue();
    assertThat(all.firstName()).isEqualTo("Alex");
    assertThat(all.submitTime()).isEqualTo(LocalDateTime.of(2026, 11, 2, 9, 30));

    DirectoryEntry imagesOnly =
        convert(record("2").put("flywheel_access_activities", "b")).entries().get(0);
    assertThat(imagesOnly.submit()).containsExactly("image");
    assertThat(imagesOnly.auditData() || imagesOnly.approveData() || imagesOnly.viewReports())
        .isFalse();
  }

  @Test
  void theCenterIsTheNumberElseNaccStaffAreZeroElseMinusOne() {
    assertThat(DirectoryRecords.centerId("012", "X")).isEqualTo(12);
    assertThat(DirectoryRecords.centerId("", "NACC")).isZero();
    assertThat(DirectoryRecords.centerId("12a", "Nacc")).isZero();
    assertThat(DirectoryRecords.centerId("", "Alpha ADRC")).isEqualTo(-1);
    assertThat(DirectoryRecords.centerId("99999999999999", "Alpha")).isEqualTo(-1);
  }

  @Test
  void incompleteAndMalformedRecordsAreReportedByRecordId() {
    DirectoryRecords.Conversion conversion =
        convert(
            record("1").put("flywheel_access_information_complete", "0"),
            record("2").put("flywheel_access_information_complete", "yes"),
            record("3").put("fw_credential_id", " "),
            (JsonNode) record("4").without("lastname"),
            JSON.createArrayNode(),
            record("").put("fw_cred_sub_time", "2026-13-01 10:00"),
            record("7"));

    assertThat(conversion.entries()).hasSize(1);
    assertThat(conversion.incomplete())
        .extracting(DirectoryRecords.Skipped::recordId)
        .containsExactly("1");
    assertThat(conversion.notices())
        .containsExactly(
            "Record 1: incomplete (flywheel_access_information_complete is 0, not 2), left out",
            "Record 2: malformed: flywheel_access_information_complete is not a number: 'yes',"
                + " left out",
            "Record 3: malformed: fw_credential_id is blank, left out",
            "Record 4: malformed: no field lastname, left out",
            "Record in row 5 (no record_id): malformed: not a map of fields, left out",
            "Record in row 6 (no record_id): malformed: fw_cred_sub_time '2026-13-01 10:00' is not"
                + " yyyy-MM-dd HH:mm, left out");
  }

  @Test
  void theUserFileIsTheSameBytesForTheSameEntries() {
    List<DirectoryEntry> entries = convert(record("1"), record("2")).entries();
    assertThat(UserFile.yaml(entries)).isEqualTo(UserFile.yaml(List.copyOf(entries)));
    assertThat(new String(UserFile.yaml(entries), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("- authorizations:\n    approve_data: true\n");
  }
}
