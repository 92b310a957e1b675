package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The REDCap "Export Reports" API ({@code content=report}) on its own path, {@link #PATH}, with
 * REDCap's checks and error shapes: POST only (else 501), an alphanumeric known token (else 403
 * "You do not have permissions to use the API"), {@code content=report} (else 400), a {@code
 * report_id} of the token's project (else 403). Errors are written in {@code returnFormat} (default
 * {@code format}, default xml): json {@code {"error": msg}}, csv {@code ERROR: msg}, xml {@code
 * <hash><error>msg</error></hash>}. Reports answer as json (an array of string-valued records) or
 * csv.
 *
 * <p>Projects come from the seed's {@code redcap} section:
 *
 * <pre>{@code
 * redcap:
 *   - project: nacc-directory
 *     token: 0123456789ABCDEF0123456789ABCDEF   # letters and digits only
 *     reports:
 *       - id: 1234
 *         records:
 *           - {record_id: "1", email: "a@b.org", ...}   # values are written as strings
 * }</pre>
 */
final class Redcap {
  /** Where the API answers: REDCap's {@code <base>/api/}. */
  static final String PATH = "/redcap/api/";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern REPORT_ID = Pattern.compile("[0-9]+");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One REDCap project: its token and its reports' records, by report id. */
  record Project(String name, String token, Map<String, ArrayNode> reports) {}

  private final Map<String, Project> byToken;

  private Redcap(Map<String, Project> byToken) {
    this.byToken = byToken;
  }

  static boolean handles(String path) {
    return path.equals(PATH) || path.equals("/redcap/api");
  }

  /**
   * Reads and checks the seed's {@code redcap} section.
   *
   * @throws InvalidInputException naming each malformed entry's line
   */
  static Redcap read(Seed seed) {
    LocatedDocument document = seed.document();
    JsonNode section = document.root().path("redcap");
    Map<String, Project> byToken = new LinkedHashMap<>();
    if (section.isMissingNode() || section.isNull()) {
      return new Redcap(byToken);
    }
    if (!section.isArray()) {
      throw new InvalidInputException(
          document.error("redcap", "seed-shape", "redcap is a list of {project, token, reports}"));
    }
    List<Problem> problems = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < section.size(); i++) {
      JsonNode entry = section.get(i);
      String at = "redcap." + i;
      String name = entry.path("project").textValue();
      if (name == null || name.isBlank() || !names.add(name)) {
        problems.add(
            document.error(
                at + ".project", "seed-redcap-project", "a project needs a unique name"));
        continue;
      }
      String token = entry.path("token").textValue();
      if (token == null || !TOKEN.matcher(token).matches()) {
        problems.add(
            document.error(
                at + ".token", "seed-redcap-token", "a REDCap token is letters and digits only"));
        continue;
      }
      if (byToken.containsKey(token)) {
        problems.add(
            document.error(
                at + ".token",
                "seed-redcap-token",
                "the token is already project " + byToken.get(token).name() + "'s"));
        continue;
      }
      Map<String, ArrayNode> reports = new LinkedHashMap<>();
      JsonNode list = entry.path("reports");
      if (!list.isMissingNode() && !list.isArray()) {
        problems.add(
            document.error(at + ".reports", "seed-shape", "reports is a list of {id, records}"));
        continue;
      }
      for (int j = 0; j < list.size(); j++) {
        JsonNode report = list.get(j);
        String where = at + ".reports." + j;
        String id = report.path("id").asText("");
        if (!report.path("id").isValueNode() || !REPORT_ID.matcher(id).matches()) {
          problems.add(
              document.error(where + ".id", "seed-redcap-report", "a report id is a number"));
          continue;
        }
        if (reports.containsKey(id)) {
          problems.add(
              document.error(where + ".id", "seed-redcap-report", "report " + id + " is twice"));
          continue;
        }
        ArrayNode records = NODES.arrayNode();
        JsonNode given = report.path("records");
        for (int k = 0; k < given.size(); k++) {
          JsonNode record = given.get(k);
          if (!record.isObject()) {
            problems.add(
                document.error(
                    where + ".records." + k, "seed-shape", "a record is a map of field: value"));
            continue;
          }
          records.add(asStrings((ObjectNode) record));
        }
        reports.put(id, records);
      }
      byToken.put(token, new Project(name, token, reports));
    }
    InvalidInputException.throwIfErrors(problems);
    return new Redcap(byToken);
  }

  /** REDCap exports every value as a string, blanks as "". */
  private static ObjectNode asStrings(ObjectNode record) {
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> e : record.properties()) {
      out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
    }
    return out;
  }

  /** One request to {@link #PATH}. */
  Reply handle(String method, byte[] body) {
    Map<String, String> form = method.equals("POST") ? parseForm(body) : Map.of();
    String format = form.getOrDefault("format", "xml").toLowerCase();
    String returnFormat = form.getOrDefault("returnFormat", format).toLowerCase();
    if (!method.equals("POST")) {
      return error(501, "The requested method is not implemented.", "json");
    }
    String token = form.getOrDefault("token", "");
    Project project = TOKEN.matcher(token).matches() ? byToken.get(token) : null;
    if (project == null) {
      return error(403, "You do not have permissions to use the API", returnFormat);
    }
    if (!"report".equals(form.get("content"))) {
      return error(400, "The value of the parameter \"content\" is not valid", returnFormat);
    }
    String reportId = form.getOrDefault("report_id", "");
    ArrayNode records = project.reports().get(reportId);
    if (records == null) {
      return error(
          403,
          "The API request cannot complete because report_id="
              + reportId
              + " does not belong to this project.",
          returnFormat);
    }
    return switch (format) {
      case "json" -> new Reply(200, records, null, "application/json; charset=utf-8");
      case "csv" -> new Reply(200, null, csv(records).getBytes(StandardCharsets.UTF_8), "text/csv");
      default ->
          error(
              400, "The local REDCap exports reports as json or csv, not " + format, returnFormat);
    };
  }

  private static Reply error(int status, String message, String returnFormat) {
    return switch (returnFormat) {
      case "csv" ->
          new Reply(
              status, null, ("ERROR: " + message).getBytes(StandardCharsets.UTF_8), "text/csv");
      case "json" ->
          new Reply(
              status,
              NODES.objectNode().put("error", message),
              null,
              "application/json; charset=utf-8");
      default ->
          new Reply(
              status,
              null,
              ("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>"
                      + message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                      + "</error></hash>")
                  .getBytes(StandardCharsets.UTF_8),
              "text/xml");
    };
  }

  private static String csv(ArrayNode records) {
    Set<String> columns = new LinkedHashSet<>();
    records.forEach(r -> r.fieldNames().forEachRemaining(columns::add));
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", columns.stream().map(Redcap::quote).toList())).append('\n');
    for (JsonNode record : records) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(quote(record.path(column).asText("")));
      }
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  private static String quote(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
      return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }

  /**
   * An {@code application/x-www-form-urlencoded} body; the first value of a repeated field wins.
   */
  private static Map<String, String> parseForm(byte[] body) {
    Map<String, String> form = new LinkedHashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(
                equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value =
            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        form.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        // A malformed escape: the field is left out, as PHP does.
      }
    }
    return form;
  }
}
