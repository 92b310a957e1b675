package project_app.definition;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the project file: one YAML document per study. The whole file is checked before anything is
 * returned, and every problem is reported at once with its line and key, so a bad file stops the
 * gear before its first request to Flywheel.
 */
public final class ProjectFile {

  /** Flywheel's group id rule: lower case, 2 to 32 characters. */
  static final Pattern GROUP_ID = Pattern.compile("[0-9a-z][0-9a-z.@_-]{0,30}[0-9a-z]");

  private static final int MAX_TAG_LENGTH = 32;
  private static final List<String> STUDY_KEYS =
      List.of("project", "project-id", "centers", "datatypes", "published", "primary");
  private static final List<String> CENTER_KEYS = List.of("name", "center-id", "is-active", "tags");

  private final List<Problem> problems = new ArrayList<>();

  private ProjectFile() {}

  /**
   * The studies of a project file, in file order.
   *
   * @param displayName how messages name the file
   * @throws InvalidInputException with every problem of the file (warnings included) when any of
   *     them is an error
   */
  public static ProjectFile.Contents read(Path file, String displayName) {
    return check(LocatedDocument.readYamlDocuments(file, displayName), displayName);
  }

  /** {@link #read} for text in memory. */
  public static ProjectFile.Contents parse(String yaml, String displayName) {
    return check(LocatedDocument.parseYamlDocuments(yaml, displayName), displayName);
  }

  /** What a valid file holds: its studies, and warnings that do not stop a run. */
  public record Contents(List<StudyDefinition> studies, List<Problem> warnings) {
    public Contents {
      studies = List.copyOf(studies);
      warnings = List.copyOf(warnings);
    }
  }

  private static Contents check(List<LocatedDocument> documents, String displayName) {
    ProjectFile checker = new ProjectFile();
    if (documents.isEmpty()) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "empty", "the file has no study documents"));
    }
    List<StudyDefinition> studies = new ArrayList<>();
    for (LocatedDocument document : documents) {
      checker.problems.addAll(document.duplicateKeys());
      StudyDefinition study = checker.study(document);
      if (study != null) {
        studies.add(study);
      }
    }
    checker.crossCheck(studies, displayName);
    // In line order, as a reader fixes them (the sort is stable within a line).
    checker.problems.sort(java.util.Comparator.comparingInt(Problem::line));
    InvalidInputException.throwIfErrors(checker.problems);
    return new Contents(studies, checker.problems);
  }

  private StudyDefinition study(LocatedDocument doc) {
    JsonNode root = doc.root();
    int line = doc.lineOf("");
    if (!root.isObject()) {
      error(doc, "", "type", "a study document must be a mapping of keys such as project, centers");
      return null;
    }
    int before = errorCount();
    unknownKeys(doc, "", root, STUDY_KEYS);
    String name = text(doc, "/project", true);
    String projectId = text(doc, "/project-id", true);
    Boolean published = bool(doc, "/published", true);
    Boolean primary = bool(doc, "/primary", false);
    List<String> datatypes = datatypes(doc);
    List<CenterDefinition> centers = centers(doc);
    if (projectId != null && Boolean.TRUE.equals(published)) {
      String releaseId = "release-" + projectId;
      if (!GROUP_ID.matcher(releaseId).matches()) {
        error(
            doc,
            "/project-id",
            "group-id",
            "the release group id '"
                + releaseId
                + "' is not a valid Flywheel group id (lower case letters, digits and . @ _ -, at"
                + " most 32 characters)");
      }
    }
    if (errorCount() > before) {
      return null;
    }
    return new StudyDefinition(
        name, projectId, centers, datatypes, published, Boolean.TRUE.equals(primary), line);
  }

  private List<String> datatypes(LocatedDocument doc) {
    JsonNode node = doc.at("/datatypes");
    List<String> datatypes = new ArrayList<>();
    if (!isList(doc, "/datatypes", node)) {
      return datatypes;
    }
    if (node.isEmpty()) {
      warning(
          doc, "/datatypes", "no-datatypes", "no datatypes: no ingest or retrospective projects");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String datatype = text(doc, "/datatypes/" + i, true);
      if (datatype == null) {
        continue;
      }
      if (!datatype.matches("[A-Za-z0-9_]+")) {
        error(
            doc,
            "/datatypes/" + i,
            "datatype",
            "'" + datatype + "' is not a datatype name (letters, digits and _ only)");
      } else if (!seen.add(datatype.toLowerCase(Locale.ROOT))) {
        // Project labels are lower case: FORM and form name the same projects.
        warning(
            doc,
            "/datatypes/" + i,
            "duplicate",
            "datatype '"
                + datatype
                + "' is listed twice (datatypes are not case-sensitive); it is used once");
      } else {
        datatypes.add(datatype);
      }
    }
    return datatypes;
  }

  private List<CenterDefinition> centers(LocatedDocument doc) {
    JsonNode node = doc.at("/centers");
    List<CenterDefinition> centers = new ArrayList<>();
    if (!isList(doc, "/centers", node)) {
      return centers;
    }
    if (node.isEmpty()) {
      warning(doc, "/centers", "no-centers", "no centers: only the release group is made");
    }
    Map<String, CenterDefinition> seen = new HashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "/centers/" + i;
      JsonNode center = node.get(i);
      if (!center.isObject()) {
        error(
            doc, path, "type", "a center must be a mapping with name, center-id, is-active, tags");
        continue;
      }
      int before = errorCount();
      unknownKeys(doc, path, center, CENTER_KEYS);
      String name = text(doc, path + "/name", true);
      String centerId = text(doc, path + "/center-id", true);
      Boolean active = bool(doc, path + "/is-active", true);
      List<String> tags = tags(doc, path + "/tags");
      if (centerId != null) {
        if (!GROUP_ID.matcher(centerId).matches()) {
          error(
              doc,
              path + "/center-id",
              "group-id",
              "'"
                  + centerId
                  + "' is not a valid Flywheel group id (2 to 32 lower case letters, digits and"
                  + " . @ _ -, starting and ending with a letter or digit)");
        }
      }
      if (errorCount() > before) {
        continue;
      }
      CenterDefinition definition =
          new CenterDefinition(name, centerId, active, tags, doc.lineOf(path));
      CenterDefinition first = seen.putIfAbsent(centerId, definition);
      if (first == null) {
        centers.add(definition);
      } else if (first.sameAs(definition)) {
        warning(
            doc,
            path + "/center-id",
            "duplicate",
            "center '"
                + centerId
                + "' is listed twice, the same both times (first on line "
                + first.line()
                + "); it is used once");
      } else {
        error(
            doc,
            path + "/center-id",
            "duplicate",
            "center '"
                + centerId
                + "' is listed twice, differently (first on line "
                + first.line()
                + "); list each center once");
      }
    }
    return centers;
  }

  private List<String> tags(LocatedDocument doc, String path) {
    JsonNode node = doc.at(path);
    List<String> tags = new ArrayList<>();
    if (node.isMissingNode()) {
      error(doc, path, "required", "is required (a list of tags, or null for none)");
      return tags;
    }
    if (node.isNull()) {
      return tags;
    }
    if (!isList(doc, path, node)) {
      return tags;
    }
    for (int i = 0; i < node.size(); i++) {
      String tag = text(doc, path + "/" + i, true);
      if (tag == null) {
        continue;
      }
      if (tag.length() > MAX_TAG_LENGTH || tag.contains("/")) {
        error(
            doc,
            path + "/" + i,
            "tag",
            "tag '" + tag + "' must be 1 to " + MAX_TAG_LENGTH + " characters without '/'");
      } else if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }

  /** Across documents: one label per center id, unique project ids, no id used twice. */
  private void crossCheck(List<StudyDefinition> studies, String displayName) {
    Map<String, CenterDefinition> centers = new HashMap<>();
    Map<String, StudyDefinition> projectIds = new HashMap<>();
    for (StudyDefinition study : studies) {
      StudyDefinition other = projectIds.putIfAbsent(study.projectId(), study);
      if (other != null) {
        problems.add(
            Problem.error(
                displayName,
                study.line(),
                "project-id",
                "duplicate",
                "project-id: '"
                    + study.projectId()
                    + "' is also the id of the study on line "
                    + other.line()));
      }
      for (CenterDefinition center : study.centers()) {
        CenterDefinition first = centers.putIfAbsent(center.centerId(), center);
        if (first != null && !first.name().equals(center.name())) {
          problems.add(
              Problem.error(
                  displayName,
                  center.line(),
                  "name",
                  "conflict",
                  "name: center '"
                      + center.centerId()
                      + "' is named '"
                      + first.name()
                      + "' on line "
                      + first.line()
                      + " and '"
                      + center.name()
                      + "' here; a group has one label"));
        }
      }
    }
    for (StudyDefinition study : studies) {
      CenterDefinition clash = centers.get(study.releaseGroupId());
      if (study.published() && clash != null) {
        problems.add(
            Problem.error(
                displayName,
                clash.line(),
                "center-id",
                "conflict",
                "center-id: '"
                    + clash.centerId()
                    + "' is also the release group of the study on line "
                    + study.line()));
      }
    }
  }

  private void unknownKeys(LocatedDocument doc, String path, JsonNode node, List<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!known.contains(key)) {
        error(
            doc,
            path + "/" + key,
            "unknown-key",
            "unknown key; expected one of " + String.join(", ", known));
      }
    }
  }

  private boolean isList(LocatedDocument doc, String path, JsonNode node) {
    if (node.isMissingNode()) {
      error(doc, path, "required", "is required (a list)");
      return false;
    }
    if (!node.isArray()) {
      error(doc, path, "type", "must be a list");
      return false;
    }
    return true;
  }

  private String text(LocatedDocument doc, String path, boolean required) {
    JsonNode node = doc.at(path);
    if (node.isMissingNode()) {
      if (required) {
        error(doc, path, "required", "is required (a text)");
      }
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      error(doc, path, "type", "must be a non-empty text");
      return null;
    }
    // As written: a quoted "  Padded Center  " keeps its spaces (YAML already trims plain text).
    return node.asText();
  }

  private Boolean bool(LocatedDocument doc, String path, boolean required) {
    JsonNode node = doc.at(path);
    if (node.isMissingNode()) {
      if (required) {
        error(doc, path, "required", "is required (true or false)");
      }
      return null;
    }
    if (!node.isBoolean()) {
      error(doc, path, "type", "must be true or false, not '" + node.asText() + "'");
      return null;
    }
    return node.asBoolean();
  }

  private void error(LocatedDocument doc, String path, String rule, String message) {
    problems.add(doc.error(path, rule, keyed(path, message)));
  }

  private void warning(LocatedDocument doc, String path, String rule, String message) {
    problems.add(doc.warning(path, rule, keyed(path, message)));
  }

  /** Problem.format() shows no key, so the message starts with it. */
  private static String keyed(String path, String message) {
    return path.isEmpty() ? message : LocatedDocument.dotted(path) + ": " + message;
  }

  private int errorCount() {
    return (int) problems.stream().filter(Problem::isError).count();
  }
}
