package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.Problem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Projects are documents of the store (kind {@link #KIND}, id the project's name, the token kept
 * as its SHA-256 like API keys), so they are durable and reset like the rest. They come from the
 * seed's {@code redcap} section and from the admin endpoint {@code /__admin/redcap}; both give a
 * project in one shape, checked by {@link #check}:
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

  /** The store's kind of REDCap projects. */
  static final String KIND = "redcap";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,128}");
  private static final Pattern REPORT_ID = Pattern.compile("[0-9]{1,18}");
  private static final Set<String> PROJECT_FIELDS = Set.of("project", "token", "reports");
  private static final Set<String> REPORT_FIELDS = Set.of("id", "records");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One REDCap project: its token and its reports' records (string values), by report id. */
  record Project(String name, String token, Map<String, ArrayNode> reports) {
    /** The stored document: the token only as its hash, which is also the unique key. */
    ObjectNode document() {
      ObjectNode doc = NODES.objectNode();
      doc.put("_id", name);
      doc.put("token_sha256", Ids.hashKey(token));
      ObjectNode byId = doc.putObject("reports");
      reports.forEach(byId::set);
      return doc;
    }
  }

  /** What is wrong with one field of a project, by its dotted path within the project. */
  record FieldProblem(String key, String message) {}

  private final Store store;

  Redcap(Store store) {
    this.store = store;
  }

  static boolean handles(String path) {
    return path.equals(PATH) || path.equals("/redcap/api");
  }

  /** The unique key of a stored project: no two projects share a token. */
  static String uniqueKey(ObjectNode document) {
    return document.path("token_sha256").asText();
  }

  /**
   * Checks one project, {@code {project, token, reports: [{id, records: [{field: value}]}]}}, as
   * the seed and the admin endpoint give it: no other fields; a name of 1 to 1,024 characters; a
   * token of letters and digits; report ids numbers (or strings of digits), each once; records maps
   * whose values are text, numbers, booleans or null (REDCap exports each as a string, null as "").
   * Every problem is added to {@code problems}; the project is empty when there was one.
   */
  static Optional<Project> check(JsonNode entry, List<FieldProblem> problems) {
    int before = problems.size();
    if (!entry.isObject()) {
      problems.add(new FieldProblem("", "a project is a map of project, token and reports"));
      return Optional.empty();
    }
    unknownFields(entry, "", PROJECT_FIELDS, problems);
    JsonNode name = entry.path("project");
    if (!name.isTextual() || name.textValue().isBlank() || name.textValue().length() > 1024) {
      problems.add(
          new FieldProblem("project", "project is required: a name of 1 to 1024 characters"));
    } else if (name.textValue().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      problems.add(new FieldProblem("project", "project cannot contain control characters"));
    }
    JsonNode token = entry.path("token");
    if (!token.isTextual() || !TOKEN.matcher(token.textValue()).matches()) {
      problems.add(
          new FieldProblem(
              "token", "token is required: 1 to 128 letters and digits (REDCap's form)"));
    }
    Map<String, ArrayNode> reports = new LinkedHashMap<>();
    JsonNode list = entry.path("reports");
    if (!list.isMissingNode() && !list.isArray()) {
      problems.add(
          new FieldProblem(
              "reports", "reports must be a list of {id, records}, not " + Body.kind(list)));
    }
    for (int j = 0; list.isArray() && j < list.size(); j++) {
      String where = "reports." + j;
      JsonNode report = list.get(j);
      if (!report.isObject()) {
        problems.add(
            new FieldProblem(
                where, where + " must be a map of id and records, not " + Body.kind(report)));
        continue;
      }
      unknownFields(report, where, REPORT_FIELDS, problems);
      JsonNode idNode = report.path("id");
      String id = idNode.isIntegralNumber() || idNode.isTextual() ? idNode.asText() : "";
      if (!REPORT_ID.matcher(id).matches()) {
        problems.add(new FieldProblem(where + ".id", where + ".id must be a number (digits)"));
        continue;
      }
      if (reports.containsKey(id)) {
        problems.add(
            new FieldProblem(where + ".id", where + ".id: report " + id + " is given twice"));
        continue;
      }
      reports.put(id, records(report.path("records"), where + ".records", problems));
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Project(name.textValue(), token.textValue(), reports));
  }

  private static ArrayNode records(JsonNode given, String at, List<FieldProblem> problems) {
    ArrayNode records = NODES.arrayNode();
    if (given.isMissingNode()) {
      return records;
    }
    if (!given.isArray()) {
      problems.add(new FieldProblem(at, at + " must be a list of maps, not " + Body.kind(given)));
      return records;
    }
    for (int k = 0; k < given.size(); k++) {
      JsonNode record = given.get(k);
      if (!record.isObject()) {
        problems.add(
            new FieldProblem(
                at + "." + k,
                at + "." + k + " must be a map of field: value, not " + Body.kind(record)));
        continue;
      }
      ObjectNode strings = NODES.objectNode();
      for (Map.Entry<String, JsonNode> field : record.properties()) {
        JsonNode value = field.getValue();
        if (value.isContainerNode()) {
          problems.add(
              new FieldProblem(
                  at + "." + k + "." + field.getKey(),
                  at
                      + "."
                      + k
                      + "."
                      + field.getKey()
                      + " must be text, a number, a boolean or null, not "
                      + Body.kind(value)));
          continue;
        }
        // REDCap exports every value as a string, blanks as "".
        strings.put(field.getKey(), value.isNull() ? "" : value.asText());
      }
      records.add(strings);
    }
    return records;
  }

  private static void unknownFields(
      JsonNode node, String at, Set<String> allowed, List<FieldProblem> problems) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.contains(name)) {
                String key = at.isEmpty() ? name : at + "." + name;
                problems.add(
                    new FieldProblem(
                        key,
                        "unknown field "
                            + key
                            + " (allowed: "
                            + String.join(", ", sorted(allowed))
                            + ")"));
              }
            });
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  /**
   * The seed's {@code redcap} section, checked: each problem is added to {@code problems} with its
   * line, as the other sections' are. Names and tokens are unique within the seed.
   */
  static List<Project> fromSeed(LocatedDocument document, List<Problem> problems) {
    JsonNode section = document.root().path("redcap");
    List<Project> projects = new ArrayList<>();
    if (section.isMissingNode() || section.isNull()) {
      return projects;
    }
    if (!section.isArray()) {
      problems.add(
          document.error("redcap", "seed-shape", "redcap is a list of {project, token, reports}"));
      return projects;
    }
    Map<String, String> namesByToken = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < section.size(); i++) {
      String at = "redcap." + i;
      List<FieldProblem> found = new ArrayList<>();
      Optional<Project> project = check(section.get(i), found);
      for (FieldProblem problem : found) {
        String key = problem.key().isEmpty() ? at : at + "." + problem.key();
        problems.add(document.error(key, "seed-redcap", problem.message()));
      }
      if (project.isEmpty()) {
        continue;
      }
      Project p = project.get();
      if (!names.add(p.name())) {
        problems.add(
            document.error(at + ".project", "seed-redcap", "project " + p.name() + " is twice"));
      } else if (namesByToken.containsKey(p.token())) {
        problems.add(
            document.error(
                at + ".token",
                "seed-redcap",
                "the token is already project " + namesByToken.get(p.token()) + "'s"));
      } else {
        namesByToken.put(p.token(), p.name());
        projects.add(p);
      }
    }
    return projects;
  }

  // ---- the admin endpoint (/__admin/redcap) -----------------------------------------------

  /** {@code GET /__admin/redcap}: each project's name and report ids with record counts. */
  JsonNode list() {
    ArrayNode list = NODES.arrayNode();
    store.list(KIND).forEach(doc -> list.add(summary(doc)));
    return list;
  }

  /** What the admin endpoint answers about a project: never its token. */
  private static ObjectNode summary(ObjectNode doc) {
    ObjectNode out = NODES.objectNode().put("project", doc.path("_id").asText());
    ObjectNode reports = out.putObject("reports");
    doc.path("reports").properties().forEach(e -> reports.put(e.getKey(), e.getValue().size()));
    return out;
  }

  /**
   * {@code POST /__admin/redcap}: adds a project, durably (the answer comes after the commit). 400
   * naming the field for a bad body, 409 when the name or the token is another project's; either
   * way nothing is stored.
   */
  Reply add(JsonNode body) {
    Project project = checked(body);
    if (store.get(KIND, project.name()).isPresent()) {
      throw ApiError.conflict("REDCap project " + project.name() + " exists (PUT replaces it)");
    }
    try {
      store.insert(KIND, project.name(), project.document());
    } catch (Store.DuplicateException e) {
      throw duplicate(project);
    }
    return Reply.ok(summary(project.document()));
  }

  /**
   * {@code PUT /__admin/redcap/<name>}: adds or replaces the project of that name, whole (its token
   * and every report). The body's {@code project}, when given, must be the path's name.
   */
  Reply put(String name, JsonNode body) {
    if (body.isObject() && !body.has("project")) {
      ((ObjectNode) body).put("project", name);
    }
    Project project = checked(body);
    if (!project.name().equals(name)) {
      throw ApiError.badField(
          "project", "project is " + project.name() + ", but the URL names " + name);
    }
    try {
      store.write(
          tx -> {
            tx.put(KIND, name, project.document());
            return null;
          });
    } catch (Store.DuplicateException e) {
      throw duplicate(project);
    }
    return Reply.ok(summary(project.document()));
  }

  private static Project checked(JsonNode body) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Project> project = check(body, problems);
    if (project.isPresent()) {
      return project.get();
    }
    String message = String.join("; ", problems.stream().map(FieldProblem::message).toList());
    String key = problems.get(0).key();
    throw key.isEmpty() ? ApiError.badRequest(message) : ApiError.badField(key, message);
  }

  private static ApiError duplicate(Project project) {
    return ApiError.conflict(
        "The token of REDCap project " + project.name() + " is another project's");
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
    Optional<ObjectNode> project =
        TOKEN.matcher(token).matches() ? byToken(token) : Optional.empty();
    if (project.isEmpty()) {
      return error(403, "You do not have permissions to use the API", returnFormat);
    }
    if (!"report".equals(form.get("content"))) {
      return error(400, "The value of the parameter \"content\" is not valid", returnFormat);
    }
    String reportId = form.getOrDefault("report_id", "");
    JsonNode records = project.get().path("reports").path(reportId);
    if (!records.isArray()) {
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

  private Optional<ObjectNode> byToken(String token) {
    String hash = Ids.hashKey(token);
    return store.list(KIND).stream()
        .filter(p -> MessageDigest.isEqual(uniqueKey(p).getBytes(), hash.getBytes()))
        .findFirst();
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

  private static String csv(JsonNode records) {
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
