package user_app;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the user file: a YAML list of directory entries with the keys directory_pull writes ({@code
 * authorizations}, {@code center_id}, {@code credentials}, {@code email}, {@code name}, {@code
 * org_name}, {@code submit_time}), every key required, no other key. The whole file is checked
 * before anything is returned and every problem is reported at once with its line and key, so a
 * wrong file stops the gear before its first request to Flywheel.
 *
 * <p>What Flywheel would refuse in one entry (a user id or email it does not accept) is not a
 * problem of the file: the planner reports that entry and goes on with the others.
 */
final class UserFile {
  /** What {@code authorizations.submit} may list: the datatypes a user may submit. */
  static final List<String> SUBMIT = List.of("form", "image");

  private static final Map<String, List<String>> KEYS =
      Map.of(
          "",
          List.of(
              "authorizations",
              "center_id",
              "credentials",
              "email",
              "name",
              "org_name",
              "submit_time"),
          "authorizations",
          List.of("approve_data", "audit_data", "submit", "view_reports"),
          "credentials",
          List.of("id", "type"),
          "name",
          List.of("first_name", "last_name"));

  /** {@code yyyy-MM-dd HH:mm[:ss]}, as directory_pull (and PyYAML) write a submit time. */
  private static final Pattern SUBMIT_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

  private final LocatedDocument doc;
  private final List<Problem> problems = new ArrayList<>();

  private UserFile(LocatedDocument doc) {
    this.doc = doc;
  }

  /**
   * The entries of a user file, in file order.
   *
   * @param displayName how messages name the file
   * @throws InvalidInputException with every problem of the file
   */
  static List<UserEntry> read(Path file, String displayName) {
    return check(LocatedDocument.readYaml(file, displayName));
  }

  /** {@link #read} for text in memory. */
  static List<UserEntry> parse(String yaml, String displayName) {
    return check(LocatedDocument.parseYaml(yaml, displayName));
  }

  private static List<UserEntry> check(LocatedDocument doc) {
    UserFile file = new UserFile(doc);
    file.problems.addAll(doc.duplicateKeys());
    List<UserEntry> entries = file.entries();
    file.problems.sort(java.util.Comparator.comparingInt(Problem::line));
    InvalidInputException.throwIfErrors(file.problems);
    return entries;
  }

  private List<UserEntry> entries() {
    JsonNode root = doc.root();
    List<UserEntry> entries = new ArrayList<>();
    if (!root.isArray()) {
      error("", "type", "the user file must be a list of directory entries");
      return entries;
    }
    if (root.isEmpty()) {
      error("", "empty", "the user file has no entries");
      return entries;
    }
    for (int i = 0; i < root.size(); i++) {
      UserEntry entry = entry("/" + i);
      if (entry != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private UserEntry entry(String at) {
    if (!map(at, "")) {
      return null;
    }
    int before = problems.size();
    String email = text(at + "/email");
    String orgName = text(at + "/org_name");
    Integer centerId = integer(at + "/center_id");
    String submitTime = text(at + "/submit_time");
    if (submitTime != null && !SUBMIT_TIME.matcher(submitTime).matches()) {
      error(at + "/submit_time", "submit-time", "'" + submitTime + "' is not yyyy-MM-dd HH:mm:ss");
    }
    String userId = null;
    String credentialType = null;
    if (map(at + "/credentials", "credentials")) {
      userId = text(at + "/credentials/id");
      credentialType = text(at + "/credentials/type");
    }
    String firstName = null;
    String lastName = null;
    if (map(at + "/name", "name")) {
      firstName = text(at + "/name/first_name");
      lastName = text(at + "/name/last_name");
    }
    UserEntry.Authorizations authorizations = authorizations(at + "/authorizations");
    if (problems.size() > before) {
      return null;
    }
    return new UserEntry(
        doc.lineOf(at),
        userId.strip(),
        credentialType,
        email.strip(),
        firstName.strip(),
        lastName.strip(),
        orgName,
        centerId,
        authorizations);
  }

  private UserEntry.Authorizations authorizations(String at) {
    if (!map(at, "authorizations")) {
      return null;
    }
    Boolean approve = bool(at + "/approve_data");
    Boolean audit = bool(at + "/audit_data");
    Boolean view = bool(at + "/view_reports");
    JsonNode submit = doc.at(at + "/submit");
    List<String> datatypes = new ArrayList<>();
    if (submit.isMissingNode()) {
      error(at + "/submit", "required", "is required (a list of datatypes: form, image)");
    } else if (!submit.isArray()) {
      error(at + "/submit", "type", "must be a list of datatypes (form, image)");
    } else {
      for (int i = 0; i < submit.size(); i++) {
        String datatype = text(at + "/submit/" + i);
        if (datatype != null && !SUBMIT.contains(datatype)) {
          error(
              at + "/submit/" + i,
              "datatype",
              "'"
                  + datatype
                  + "' is not a datatype one may submit ("
                  + String.join(", ", SUBMIT)
                  + ")");
        } else if (datatype != null && !datatypes.contains(datatype)) {
          datatypes.add(datatype);
        }
      }
    }
    if (approve == null || audit == null || view == null) {
      return null;
    }
    return new UserEntry.Authorizations(datatypes, audit, approve, view);
  }

  /** Whether the node at {@code at} is a mapping; reports it and its unknown keys if not. */
  private boolean map(String at, String kind) {
    JsonNode node = doc.at(at);
    List<String> known = KEYS.get(kind);
    if (node.isMissingNode()) {
      error(at, "required", "is required (a mapping of " + String.join(", ", known) + ")");
      return false;
    }
    if (!node.isObject()) {
      error(
          at,
          "type",
          (kind.isEmpty() ? "a directory entry" : "must be")
              + " a mapping of "
              + String.join(", ", known));
      return false;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!known.contains(key)) {
        error(
            at + "/" + key,
            "unknown-key",
            "unknown key; expected one of " + String.join(", ", known));
      }
    }
    return true;
  }

  private String text(String at) {
    // A credential id of digits written without quotes would lose its leading zeros.
    JsonNode node = scalar(at, "a string", JsonNode::isTextual, "must be a string");
    return node == null ? null : node.textValue();
  }

  private Integer integer(String at) {
    JsonNode node =
        scalar(
            at,
            "an ADC id, a whole number",
            JsonNode::isInt,
            "must be a whole number (the ADC id; 0 for NACC, -1 for no center)");
    return node == null ? null : node.intValue();
  }

  private Boolean bool(String at) {
    JsonNode node = scalar(at, "true or false", JsonNode::isBoolean, "must be true or false");
    return node == null ? null : node.booleanValue();
  }

  /** The value at {@code at} when it is present and of its type; else null, reported. */
  private JsonNode scalar(
      String at, String expected, java.util.function.Predicate<JsonNode> ok, String wrong) {
    JsonNode node = doc.at(at);
    if (node.isMissingNode()) {
      error(at, "required", "is required (" + expected + ")");
      return null;
    }
    if (!ok.test(node)) {
      error(at, "type", wrong + (node.isNumber() && wrong.contains("string") ? " (quote it)" : ""));
      return null;
    }
    return node;
  }

  private void error(String at, String rule, String message) {
    problems.add(doc.error(at, rule, message));
  }
}
