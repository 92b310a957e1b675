package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first state of a new emulator database, from a YAML file: {@code users} (with API keys),
 * {@code roles}, {@code groups} (permissions, role pool, tags), {@code projects}, {@code gears} and
 * {@code ssm} parameters. Projects may hold {@code files} (name and text content), {@code apps}
 * (viewer apps) and {@code rules} (naming a seeded gear and files of the project). Every problem in
 * the file is reported at once, with its line.
 */
final class Seed {
  static final String DEFAULT_RESOURCE = "/fwgear/emulator/default-seed.yaml";
  private static final Set<String> ACCESS = Set.of("ro", "rw", "admin");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A user's key from the seed, kept only to tell the operator and tests which key to use. */
  record SeedKey(String userId, String secret, boolean siteAdmin) {}

  private final LocatedDocument document;
  private final List<Problem> problems = new ArrayList<>();

  private Seed(LocatedDocument document) {
    this.document = document;
  }

  static Seed read(Optional<Path> file) {
    if (file.isPresent()) {
      return new Seed(LocatedDocument.readYaml(file.get(), file.get().toString()));
    }
    try (InputStream in = Seed.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Seed(LocatedDocument.parseYaml(text, "built-in seed"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in seed", e);
    }
  }

  /** The parsed file, for the sections read elsewhere ({@link S3Seed}). */
  LocatedDocument document() {
    return document;
  }

  /** The API keys the seed gives, in file order. */
  List<SeedKey> keys() {
    List<SeedKey> keys = new ArrayList<>();
    for (JsonNode user : document.root().path("users")) {
      if (user.path("api_key").isTextual()) {
        keys.add(
            new SeedKey(
                user.path("id").asText(),
                user.path("api_key").asText(),
                user.path("site_admin").asBoolean(false)));
      }
    }
    return keys;
  }

  /**
   * The {@code aws} section: {@code {access_key_id, secret_access_key}}, the key pair SSM requests
   * are signed with.
   *
   * @throws InvalidInputException naming the line when the section is malformed
   */
  Optional<AwsCredentials> awsCredentials() {
    JsonNode aws = document.root().path("aws");
    if (aws.isMissingNode() || aws.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new AwsCredentials(
              aws.path("access_key_id").textValue(), aws.path("secret_access_key").textValue()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(document.error("aws", "seed-aws", e.getMessage()));
    }
  }

  /** Checks the whole file, then writes its documents into an empty store. */
  void applyTo(Store store, SsmCrypto crypto) {
    applyTo(store, crypto, false);
  }

  /**
   * As {@link #applyTo(Store, SsmCrypto)}; with {@code replaceAll}, everything the store holds is
   * deleted in the same commit first (a reset: the state is the seed's, or unchanged on failure).
   */
  void applyTo(Store store, SsmCrypto crypto, boolean replaceAll) {
    Map<String, ObjectNode> documents = new HashMap<>();
    List<SeedDocument> writes = new ArrayList<>();
    Map<String, String> roleIdsByLabel = new HashMap<>();
    Set<String> userIds = new HashSet<>();
    Map<String, byte[]> blobs = new HashMap<>();
    List<SeededProject> projectsSeeded = new ArrayList<>();
    List<ObjectNode> gearsSeeded = new ArrayList<>();
    String now = Ids.now();

    forEach(
        "users",
        (user, at) -> {
          String id = requireText(user, at, "id");
          if (id == null) {
            return;
          }
          if (!userIds.add(id)) {
            problems.add(document.error(at + ".id", "seed-duplicate", "user " + id + " twice"));
          }
          boolean admin = user.path("site_admin").asBoolean(false);
          ObjectNode doc = NODES.objectNode();
          doc.put("_id", id);
          doc.put("user_id", id);
          doc.put("email", user.path("email").asText(id));
          doc.put("firstname", user.path("firstname").asText(""));
          doc.put("lastname", user.path("lastname").asText(""));
          doc.set("roles", NODES.arrayNode().add(admin ? "site_admin" : "user"));
          doc.put("root", admin);
          doc.put("disabled", false);
          doc.put("created", now);
          doc.put("modified", now);
          writes.add(new SeedDocument("users", id, doc));
          JsonNode key = user.path("api_key");
          if (!key.isMissingNode()) {
            if (!key.isTextual() || key.asText().isBlank() || key.asText().contains(":")) {
              problems.add(
                  document.error(
                      at + ".api_key",
                      "seed-key",
                      "an api_key is the secret part only (no host, no ':')"));
            } else {
              String hash = Ids.hashKey(key.asText());
              ObjectNode keyDoc = NODES.objectNode().put("_id", hash).put("user", id);
              writes.add(new SeedDocument("apikeys", hash, keyDoc));
            }
          }
        });

    forEach(
        "roles",
        (role, at) -> {
          String label = requireLabel(role, at, "label");
          if (label == null) {
            return;
          }
          String id = objectIdOf(role, at);
          if (roleIdsByLabel.put(label, id) != null) {
            problems.add(
                document.error(at + ".label", "seed-duplicate", "role " + label + " twice"));
          }
          ObjectNode doc = NODES.objectNode();
          doc.put("_id", id);
          doc.put("label", label);
          doc.set("actions", role.has("actions") ? role.get("actions") : NODES.arrayNode());
          if (role.has("default_flywheel_role")) {
            doc.put("default_flywheel_role", role.get("default_flywheel_role").asText());
          }
          writes.add(new SeedDocument("roles", id, doc));
        });

    Set<String> groupIds = new HashSet<>();
    forEach(
        "groups",
        (group, at) -> {
          String id = requireText(group, at, "id");
          if (id == null) {
            return;
          }
          if (!Ids.GROUP_ID.matcher(id).matches()) {
            problems.add(
                document.error(
                    at + ".id",
                    "seed-group-id",
                    "a group id is 2-32 characters of a-z 0-9 . @ _ - (not " + id + ")"));
          }
          groupIds.add(id);
          ObjectNode doc = NODES.objectNode();
          doc.put("_id", id);
          doc.put("label", group.path("label").asText(id));
          ArrayNode permissions = doc.putArray("permissions");
          int index = 0;
          for (JsonNode permission : group.path("permissions")) {
            String where = at + ".permissions." + index++;
            String user = requireText(permission, where, "id");
            String access = permission.path("access").asText();
            if (!ACCESS.contains(access)) {
              problems.add(
                  document.error(where + ".access", "seed-access", "access is ro, rw or admin"));
            }
            if (user != null && !userIds.contains(user)) {
              problems.add(document.error(where + ".id", "seed-unknown", "no user " + user));
            }
            permissions.addObject().put("_id", user).put("access", access);
          }
          doc.putArray("permissions_template");
          ArrayNode roles = doc.putArray("roles");
          index = 0;
          for (JsonNode role : group.path("roles")) {
            String roleId = roleIdsByLabel.get(role.asText());
            if (roleId == null) {
              problems.add(
                  document.error(
                      at + ".roles." + index, "seed-unknown", "no role labelled " + role.asText()));
            } else {
              roles.add(roleId);
            }
            index++;
          }
          doc.set("tags", group.has("tags") ? group.get("tags") : NODES.arrayNode());
          doc.put("created", now);
          doc.put("modified", now);
          doc.put("revision", 1);
          writes.add(new SeedDocument("groups", id, doc));
        });

    forEach(
        "projects",
        (project, at) -> {
          String group = requireText(project, at, "group");
          String label = requireLabel(project, at, "label");
          if (group == null || label == null) {
            return;
          }
          if (!groupIds.contains(group)) {
            problems.add(document.error(at + ".group", "seed-unknown", "no group " + group));
          }
          String id = objectIdOf(project, at);
          ObjectNode doc = Projects.newProject(id, group, label, now);
          doc.put("description", project.path("description").asText(""));
          if (project.has("tags")) {
            doc.set("tags", project.get("tags"));
          }
          if (project.has("info")) {
            doc.set("info", project.get("info"));
            doc.put("info_exists", true);
          }
          ArrayNode permissions = doc.putArray("permissions");
          int index = 0;
          for (JsonNode permission : project.path("permissions")) {
            String where = at + ".permissions." + index++;
            String user = requireText(permission, where, "id");
            ArrayNode roleIds = NODES.arrayNode();
            for (JsonNode role : permission.path("roles")) {
              String roleId = roleIdsByLabel.get(role.asText());
              if (roleId == null) {
                problems.add(
                    document.error(where + ".roles", "seed-unknown", "no role " + role.asText()));
              }
              roleIds.add(roleId);
            }
            permissions.addObject().put("_id", user).set("role_ids", roleIds);
          }
          int fileIndex = 0;
          ArrayNode files = doc.withArray("files");
          for (JsonNode file : project.path("files")) {
            String where = at + ".files." + fileIndex++;
            String name = requireText(file, where, "name");
            JsonNode content = file.path("content");
            if (!content.isTextual()) {
              problems.add(
                  document.error(where + ".content", "seed-missing", "content is required (text)"));
            }
            if (name == null || !content.isTextual()) {
              continue;
            }
            try {
              FileNames.check(name);
            } catch (ApiError e) {
              problems.add(document.error(where + ".name", "seed-file", e.getMessage()));
              continue;
            }
            byte[] bytes = content.textValue().getBytes(StandardCharsets.UTF_8);
            String blobId = Ids.objectId();
            ObjectNode entry = NODES.objectNode();
            entry.put("_id", blobId);
            entry.put("file_id", blobId);
            entry.put("name", name);
            entry.put("mimetype", file.path("mimetype").asText(FileTypes.mimetype(name)));
            entry.put("size", bytes.length);
            entry.put("hash", FileTypes.hash(bytes));
            entry.put("type", file.path("type").asText(FileTypes.type(name)));
            entry.putNull("modality");
            entry.putObject("classification");
            entry.putArray("tags");
            entry.putObject("info");
            entry.putObject("origin").put("type", "system").putNull("id");
            entry.putObject("parent_ref").put("type", "project").put("id", id);
            entry.put("version", 1);
            entry.put("created", now);
            entry.put("modified", now);
            files.add(entry);
            blobs.put(blobId, bytes);
          }
          JsonNode apps = project.path("apps");
          if (!apps.isMissingNode() && !apps.isNull()) {
            if (!apps.isArray()) {
              problems.add(document.error(at + ".apps", "seed-shape", "apps must be a list"));
            } else {
              int appIndex = 0;
              for (JsonNode app : apps) {
                if (!app.isObject() || !app.path("name").isTextual()) {
                  problems.add(
                      document.error(
                          at + ".apps." + appIndex,
                          "seed-shape",
                          "an app is a mapping with a name"));
                }
                appIndex++;
              }
              doc.putObject("settings").set("viewer_apps", apps);
            }
          }
          projectsSeeded.add(new SeededProject(doc, project, at));
          writes.add(new SeedDocument("projects", id, doc));
        });

    forEach(
        "gears",
        (gear, at) -> {
          JsonNode manifest = gear.path("gear");
          if (!manifest.path("name").isTextual() || !manifest.path("version").isTextual()) {
            problems.add(
                document.error(
                    at + ".gear", "seed-gear", "a gear needs gear.name and gear.version"));
            return;
          }
          String id = objectIdOf(gear, at);
          ObjectNode doc = NODES.objectNode();
          doc.put("_id", id);
          doc.put("category", gear.path("category").asText("utility"));
          doc.set("gear", manifest);
          doc.put("disabled", false);
          doc.put("created", now);
          doc.put("modified", now);
          writes.add(new SeedDocument("gears", id, doc));
          gearsSeeded.add(doc);
        });

    // Rules last: they name seeded gears (by name, optionally version) and files of their project.
    for (SeededProject seeded : projectsSeeded) {
      JsonNode rules = seeded.source().path("rules");
      if (rules.isMissingNode() || rules.isNull()) {
        continue;
      }
      if (!rules.isArray()) {
        problems.add(document.error(seeded.at() + ".rules", "seed-shape", "rules must be a list"));
        continue;
      }
      for (int i = 0; i < rules.size(); i++) {
        ObjectNode rule =
            rule(rules.get(i), seeded.at() + ".rules." + i, seeded.doc(), gearsSeeded, now);
        if (rule != null) {
          writes.add(new SeedDocument("rules", rule.path("_id").asText(), rule));
        }
      }
    }

    forEach(
        "ssm",
        (parameter, at) -> {
          String name = requireText(parameter, at, "name");
          String value = requireText(parameter, at, "value");
          if (name == null || value == null) {
            return;
          }
          String type = parameter.path("type").asText("String");
          if (!Set.of("String", "SecureString", "StringList").contains(type)) {
            problems.add(
                document.error(
                    at + ".type", "seed-ssm-type", "type is String, SecureString or StringList"));
          }
          try {
            SsmProtocol.checkName(name);
          } catch (SsmProtocol.SsmError e) {
            problems.add(document.error(at + ".name", "seed-ssm-name", e.getMessage()));
          }
          ObjectNode doc = SsmProtocol.seeded(crypto, name, type, value);
          writes.add(new SeedDocument("ssm", name, doc));
        });

    for (Redcap.Project project : Redcap.fromSeed(document, problems)) {
      writes.add(new SeedDocument(Redcap.KIND, project.name(), project.document()));
    }

    InvalidInputException.throwIfErrors(problems);
    // One commit: a seed is applied whole or not at all.
    try {
      store.write(
          tx -> {
            if (replaceAll) {
              tx.clear();
            }
            for (SeedDocument write : writes) {
              tx.insert(write.kind(), write.id(), write.document());
            }
            blobs.forEach(tx::putBlob);
            return null;
          });
    } catch (Store.DuplicateException e) {
      throw new InvalidInputException(
          Problem.error("seed", 0, "seed", "seed-duplicate", "the seed gives an id twice"));
    }
  }

  private record SeedDocument(String kind, String id, ObjectNode document) {}

  private record SeededProject(ObjectNode doc, JsonNode source, String at) {}

  /**
   * A rule of a seeded project: {@code name}, {@code gear} (a seeded gear's name) and optionally
   * {@code gear_version}, conditions {@code any}/{@code all}/{@code not}, {@code config}, {@code
   * disabled}, {@code auto_update}, and {@code fixed_inputs} as {@code {input, file}} naming a file
   * of the same project. Null (with problems recorded) when it does not hold together.
   */
  private ObjectNode rule(
      JsonNode source, String at, ObjectNode project, List<ObjectNode> gears, String now) {
    if (!source.isObject()) {
      problems.add(document.error(at, "seed-shape", "each rule is a mapping"));
      return null;
    }
    String name = requireText(source, at, "name");
    String gearName = requireText(source, at, "gear");
    if (name == null || gearName == null) {
      return null;
    }
    String version = source.path("gear_version").asText(null);
    ObjectNode gear =
        gears.stream()
            .filter(g -> g.path("gear").path("name").asText().equals(gearName))
            .filter(g -> version == null || g.path("gear").path("version").asText().equals(version))
            .reduce((a, b) -> b)
            .orElse(null);
    if (gear == null) {
      problems.add(
          document.error(
              at + ".gear",
              "seed-unknown",
              "no seeded gear " + gearName + (version == null ? "" : " " + version)));
      return null;
    }
    String id = source.path("id").asText(Ids.objectId());
    ObjectNode rule = NODES.objectNode();
    rule.put("_id", id);
    rule.put("project_id", project.path("_id").asText());
    rule.put("gear_id", gear.path("_id").asText());
    rule.putNull("role_id");
    rule.put("name", name);
    int conditions = 0;
    for (String key : List.of("any", "all", "not")) {
      ArrayNode list = rule.putArray(key);
      int index = 0;
      for (JsonNode condition : source.path(key)) {
        String where = at + "." + key + "." + index++;
        String type = requireText(condition, where, "type");
        if (type != null && !Rules.CONDITION_TYPES.contains(type)) {
          problems.add(
              document.error(where + ".type", "seed-rule", "unknown condition type " + type));
        }
        ObjectNode checked =
            NODES.objectNode().put("type", type).put("value", condition.path("value").asText());
        if (condition.has("regex")) {
          checked.put("regex", condition.path("regex").asBoolean());
        }
        list.add(checked);
        if (!key.equals("not")) {
          conditions++;
        }
      }
    }
    if (conditions == 0) {
      problems.add(
          document.error(at, "seed-rule", "a rule needs at least one condition in any or all"));
    }
    if (source.has("config")) {
      if (!source.get("config").isObject()) {
        problems.add(document.error(at + ".config", "seed-rule", "config is a mapping"));
      } else {
        source
            .get("config")
            .fieldNames()
            .forEachRemaining(
                key -> {
                  if (!gear.path("gear").path("config").has(key)) {
                    problems.add(
                        document.error(
                            at + ".config." + key,
                            "seed-rule",
                            "gear " + gearName + " has no config " + key));
                  }
                });
        rule.set("config", source.get("config"));
      }
    }
    ArrayNode fixed = rule.putArray("fixed_inputs");
    int index = 0;
    for (JsonNode input : source.path("fixed_inputs")) {
      String where = at + ".fixed_inputs." + index++;
      String inputName = requireText(input, where, "input");
      String file = requireText(input, where, "file");
      if (inputName == null || file == null) {
        continue;
      }
      if (!gear.path("gear").path("inputs").has(inputName)) {
        problems.add(
            document.error(
                where + ".input", "seed-rule", "gear " + gearName + " has no input " + inputName));
      }
      boolean present = false;
      for (JsonNode entry : project.path("files")) {
        present |= entry.path("name").asText().equals(file);
      }
      if (!present) {
        problems.add(
            document.error(where + ".file", "seed-unknown", "the project has no file " + file));
      }
      fixed
          .addObject()
          .put("type", "project")
          .put("id", project.path("_id").asText())
          .put("name", file)
          .put("input", inputName)
          .put("version", 1);
    }
    rule.put("auto_update", source.path("auto_update").asBoolean(false));
    rule.put("disabled", source.path("disabled").asBoolean(false));
    rule.putNull("compute_provider_id");
    rule.putNull("triggering_input");
    rule.put("revision", 1);
    rule.put("created", now);
    rule.put("modified", now);
    return rule;
  }

  private interface Entry {
    void accept(JsonNode node, String at);
  }

  private void forEach(String section, Entry entry) {
    JsonNode list = document.root().path(section);
    if (list.isMissingNode() || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      problems.add(document.error(section, "seed-shape", section + " must be a list"));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isObject()) {
        problems.add(document.error(section + "." + i, "seed-shape", "each entry is a mapping"));
        continue;
      }
      entry.accept(item, section + "." + i);
    }
  }

  /** A label, with the API's limits (as a request's would be checked). */
  private String requireLabel(JsonNode node, String at, String key) {
    String value = requireText(node, at, key);
    if (value == null) {
      return null;
    }
    try {
      return Body.checkLabel(key, value);
    } catch (ApiError e) {
      problems.add(document.error(at + "." + key, "seed-label", e.getMessage()));
      return null;
    }
  }

  /** The given {@code id}, which must be an ObjectId (else a problem), or a new one. */
  private String objectIdOf(JsonNode node, String at) {
    JsonNode id = node.path("id");
    if (id.isMissingNode() || id.isNull()) {
      return Ids.objectId();
    }
    if (!id.isTextual() || !Ids.isObjectId(id.asText())) {
      problems.add(
          document.error(
              at + ".id", "seed-id", "id must be an ObjectId (24 lowercase hex digits)"));
      return Ids.objectId();
    }
    return id.asText();
  }

  private String requireText(JsonNode node, String at, String key) {
    JsonNode value = node.path(key);
    if (!value.isValueNode() || value.asText().isBlank()) {
      problems.add(document.error(at + "." + key, "seed-missing", key + " is required"));
      return null;
    }
    return value.asText();
  }
}
