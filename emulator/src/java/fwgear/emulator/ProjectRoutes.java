package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /api/projects}: projects, their tags, permissions (role ids), info and files. */
final class ProjectRoutes {

  private final Store store;
  private final Access access;

  ProjectRoutes(Store store, Access access) {
    this.store = store;
    this.access = access;
  }

  void register(Router router) {
    router
        .add("GET", "/api/projects", this::list)
        .add("POST", "/api/projects", this::create)
        .add("GET", "/api/groups/{gid}/projects", this::listOfGroup)
        .add("GET", "/api/projects/{pid}", c -> Reply.ok(readable(c)))
        .add("PUT", "/api/projects/{pid}", this::modify)
        .add("DELETE", "/api/projects/{pid}", this::delete)
        .add("GET", "/api/projects/{pid}/tags", c -> Reply.ok(readable(c).path("tags")))
        .add("POST", "/api/projects/{pid}/tags", this::addTag)
        .add("DELETE", "/api/projects/{pid}/tags/{tag}", this::deleteTag)
        .add(
            "GET",
            "/api/projects/{pid}/permissions",
            c -> Reply.ok(readable(c).path("permissions")))
        .add("POST", "/api/projects/{pid}/permissions", this::addPermission)
        .add("GET", "/api/projects/{pid}/permissions/{uid}", this::getPermission)
        .add("PUT", "/api/projects/{pid}/permissions/{uid}", this::updatePermission)
        .add("DELETE", "/api/projects/{pid}/permissions/{uid}", this::deletePermission)
        .add("GET", "/api/projects/{pid}/info", c -> Reply.ok(readable(c).path("info")))
        .add("PATCH", "/api/projects/{pid}/info", this::updateInfo)
        .add("POST", "/api/projects/{pid}/info", this::updateInfo)
        .add("GET", "/api/projects/{pid}/files", c -> Reply.ok(readable(c).path("files")))
        .add("POST", "/api/projects/{pid}/files", this::upload)
        .add("GET", "/api/projects/{pid}/files/{file}", this::download)
        .add("DELETE", "/api/projects/{pid}/files/{file}", this::deleteFile)
        .add(
            "GET",
            "/api/projects/{pid}/files/{file}/info",
            c -> Reply.ok(file(readable(c), c.param("file"))))
        .add("PATCH", "/api/projects/{pid}/files/{file}/info", this::updateFileInfo)
        .add("POST", "/api/projects/{pid}/files/{file}/info", this::updateFileInfo);
  }

  private ObjectNode readable(Call call) {
    return access.readableProject(call.caller(), call.param("pid"));
  }

  private String writable(Call call) {
    return access.writableProject(call.caller(), call.param("pid")).path("_id").asText();
  }

  private Reply list(Call call) {
    boolean everything = call.flag("exhaustive") && call.caller().siteAdmin();
    return Listing.of(
        call,
        store.list("projects"),
        p -> everything || access.canRead(call.caller(), p.path("group").asText(), p),
        p -> p);
  }

  private Reply listOfGroup(Call call) {
    String groupId = access.readableGroup(call.caller(), call.param("gid")).path("_id").asText();
    return Listing.of(
        call, store.list("projects"), p -> p.path("group").asText().equals(groupId), p -> p);
  }

  private Reply create(Call call) {
    Body body =
        Body.of(
            call,
            "label",
            "group",
            "description",
            "info",
            "copyable",
            "permissions",
            "editions",
            "providers");
    String label = body.label("label");
    String groupId = Ids.groupId("group", body.requiredText("group"));
    Optional<String> description = body.text("description", Body.MAX_DESCRIPTION);
    Optional<ObjectNode> info = body.object("info");
    boolean copyable = body.bool("copyable").orElse(false);
    Optional<ArrayNode> given = body.array("permissions");
    Optional<ObjectNode> editions = body.object("editions");
    Optional<ObjectNode> providers = body.object("providers");
    List<ObjectNode> permissions = new ArrayList<>();
    if (given.isPresent()) {
      for (int i = 0; i < given.get().size(); i++) {
        permissions.add(rolePermission(given.get().get(i), "permissions[" + i + "]", true));
      }
    }
    ObjectNode group = access.group(groupId);
    access.requireGroupAccess(call.caller(), group, Set.of("rw", "admin"));
    String id = Ids.objectId();
    ObjectNode project = Projects.newProject(id, groupId, label, Ids.now());
    description.ifPresent(d -> project.put("description", d));
    info.ifPresent(
        i -> {
          project.set("info", i);
          project.put("info_exists", !i.isEmpty());
        });
    project.put("copyable", copyable);
    editions.ifPresent(e -> project.set("editions", e));
    providers.ifPresent(p -> project.set("providers", p));
    ArrayNode list = project.putArray("permissions");
    if (given.isPresent()) {
      permissions.forEach(list::add);
    } else if (call.flag("inherit")) {
      // inherit=true: the group's permission template instead of the creator.
      for (JsonNode template : group.path("permissions_template")) {
        list.add(template.deepCopy());
      }
    } else {
      // As on Flywheel, the creator becomes the project's admin (the role labelled admin).
      adminRoleId()
          .ifPresent(
              admin ->
                  list.addObject()
                      .put("_id", call.caller().userId())
                      .putArray("role_ids")
                      .add(admin));
    }
    try {
      store.insert("projects", id, project);
    } catch (Store.DuplicateException e) {
      throw ApiError.conflict(
          "Project with label " + label + " already exists in group " + groupId);
    }
    return Reply.ok(Containers.insertedId(id));
  }

  /**
   * {@code PUT /api/projects/{pid}}: label, description, info, copyable, and {@code group} to move
   * the project to another group (rw or admin there; its label must be free in that group).
   */
  private Reply modify(Call call) {
    String id = writable(call);
    Body body = Body.of(call, "label", "description", "info", "copyable", "group");
    Optional<String> label = body.optionalLabel("label");
    Optional<String> description = body.text("description", Body.MAX_DESCRIPTION);
    Optional<ObjectNode> info = body.object("info");
    Optional<Boolean> copyable = body.bool("copyable");
    Optional<String> groupId = body.text("group").map(g -> Ids.groupId("group", g));
    if (groupId.isPresent()) {
      ObjectNode target = access.group(groupId.get());
      access.requireGroupAccess(call.caller(), target, Set.of("rw", "admin"));
    }
    try {
      store
          .update(
              "projects",
              id,
              project -> {
                label.ifPresent(l -> project.put("label", l));
                description.ifPresent(d -> project.put("description", d));
                copyable.ifPresent(c -> project.put("copyable", c));
                info.ifPresent(
                    i -> {
                      project.set("info", i);
                      project.put("info_exists", !i.isEmpty());
                    });
                groupId.ifPresent(
                    g -> {
                      project.put("group", g);
                      (project.path("parents").isObject()
                              ? (ObjectNode) project.get("parents")
                              : project.putObject("parents"))
                          .put("group", g);
                    });
                Containers.stamp(project);
                return project;
              })
          .orElseThrow(() -> ApiError.notFound("Project " + id + " not found"));
    } catch (Store.DuplicateException e) {
      ObjectNode current = access.project(id);
      throw ApiError.conflict(
          "Project with label "
              + label.orElse(current.path("label").asText())
              + " already exists in group "
              + groupId.orElse(current.path("group").asText()));
    }
    return Reply.ok(Containers.modified(1));
  }

  private Optional<String> adminRoleId() {
    return store.list("roles").stream()
        .filter(r -> r.path("label").asText().equals("admin"))
        .map(r -> r.path("_id").asText())
        .findFirst();
  }

  private Reply delete(Call call) {
    String id = writable(call);
    access.requireGroupAccess(
        call.caller(), access.group(access.project(id).path("group").asText()), Set.of("admin"));
    Containers.transact(
        store,
        tx -> {
          for (JsonNode file : Containers.current(tx, "projects", id).path("files")) {
            tx.deleteBlob(file.path("_id").asText());
          }
          for (JsonNode rule : store.list("rules")) {
            if (rule.path("project_id").asText().equals(id)) {
              tx.delete("rules", rule.path("_id").asText());
            }
          }
          tx.delete("projects", id);
          return null;
        });
    return Reply.ok(Containers.deleted(1));
  }

  private Reply addTag(Call call) {
    String id = writable(call);
    String tag = Containers.tagValue(call);
    Containers.change(
        store,
        "projects",
        id,
        p -> {
          Containers.addTag(p, tag);
        });
    return Reply.ok(Containers.modified(1));
  }

  private Reply deleteTag(Call call) {
    String id = writable(call);
    Containers.change(
        store,
        "projects",
        id,
        p -> {
          Containers.removeTag(p, call.param("tag"));
        });
    return Reply.ok(Containers.modified(1));
  }

  private Reply addPermission(Call call) {
    String id = writable(call);
    ObjectNode permission = rolePermission(call.objectBody(), "", true);
    String userId = permission.path("_id").asText();
    Containers.change(
        store,
        "projects",
        id,
        project -> {
          if (Containers.permission(project, userId).isPresent()) {
            throw ApiError.conflict("User " + userId + " already has a permission on this project");
          }
          Containers.permissions(project).add(permission);
        });
    return Reply.ok(permission);
  }

  private Reply getPermission(Call call) {
    return Reply.ok(
        Containers.permission(readable(call), call.param("uid"))
            .orElseThrow(() -> ApiError.notFound("No permission for user " + call.param("uid"))));
  }

  private Reply updatePermission(Call call) {
    String id = writable(call);
    String userId = call.param("uid");
    ObjectNode given = rolePermission(call.objectBody(), "", false);
    if (given.has("_id") && !given.path("_id").asText().equals(userId)) {
      throw ApiError.badField("_id", "_id differs from the user in the path");
    }
    ObjectNode updated =
        Containers.change(
            store,
            "projects",
            id,
            project -> {
              Containers.permission(project, userId)
                  .orElseThrow(() -> ApiError.notFound("No permission for user " + userId))
                  .set("role_ids", given.get("role_ids"));
            });
    return Reply.ok(Containers.permission(updated, userId).orElseThrow());
  }

  private Reply deletePermission(Call call) {
    String id = writable(call);
    Containers.change(
        store,
        "projects",
        id,
        project -> {
          Containers.removePermission(project, call.param("uid"));
        });
    return Reply.ok(Containers.modified(1));
  }

  /**
   * {@code {"_id": user, "role_ids": [...]}}: the user and every role must exist ({@code _id} is
   * optional when the user is in the path).
   */
  private ObjectNode rolePermission(JsonNode node, String where, boolean needsUser) {
    Body body = Body.of(node, where, "_id", "role_ids");
    ObjectNode permission = NODES.objectNode();
    String prefix = where.isEmpty() ? "" : where + ".";
    Optional<String> user = body.text("_id").map(u -> Ids.userId(prefix + "_id", u));
    if (needsUser && user.isEmpty()) {
      throw ApiError.badField(prefix + "_id", prefix + "_id is required (the user id)");
    }
    if (user.isPresent()) {
      if (needsUser && store.get("users", user.get()).isEmpty()) {
        throw ApiError.notFound("User " + user.get() + " not found");
      }
      permission.put("_id", user.get());
    }
    List<String> roleIds = body.requiredTexts("role_ids");
    ArrayNode roles = permission.putArray("role_ids");
    for (int i = 0; i < roleIds.size(); i++) {
      String roleId = Ids.objectId(prefix + "role_ids[" + i + "]", roleIds.get(i));
      if (store.get("roles", roleId).isEmpty()) {
        throw ApiError.unprocessable("Role " + roleId + " does not exist");
      }
      boolean repeated = false;
      for (JsonNode existing : roles) {
        repeated |= existing.asText().equals(roleId);
      }
      if (!repeated) {
        roles.add(roleId);
      }
    }
    return permission;
  }

  private Reply updateInfo(Call call) {
    String id = writable(call);
    Containers.InfoUpdate update = Containers.infoUpdate(call);
    Containers.change(store, "projects", id, update::applyTo);
    return Reply.ok(Containers.modified(1));
  }

  private Reply upload(Call call) {
    String id = writable(call);
    List<Multipart.Part> parts =
        Multipart.parse(call.header("Content-Type").orElse(null), call.body());
    List<Multipart.Part> files = new ArrayList<>();
    for (Multipart.Part part : parts) {
      if (part.filename() != null && !part.filename().isEmpty()) {
        files.add(part);
      }
    }
    if (files.isEmpty()) {
      throw ApiError.badRequest("The upload has no file part");
    }
    String now = Ids.now();
    List<ObjectNode> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Multipart.Part part : files) {
      String name = FileNames.check(part.filename());
      if (!names.add(name)) {
        throw ApiError.badField("filename", "filename: the upload holds two files named " + name);
      }
      ObjectNode entry = NODES.objectNode();
      String blobId = Ids.objectId();
      entry.put("_id", blobId);
      entry.put("file_id", blobId);
      entry.put("name", name);
      String mimetype = part.contentType();
      entry.put(
          "mimetype",
          mimetype == null || mimetype.equals("application/octet-stream")
              ? FileTypes.mimetype(name)
              : mimetype);
      entry.put("size", part.content().length);
      entry.put("hash", FileTypes.hash(part.content()));
      entry.put("type", FileTypes.type(name));
      entry.putNull("modality");
      entry.putObject("classification");
      entry.putArray("tags");
      entry.putObject("info");
      entry.putObject("origin").put("type", "user").put("id", call.caller().userId());
      entry.putObject("parent_ref").put("type", "project").put("id", id);
      entry.put("created", now);
      entry.put("modified", now);
      entries.add(entry);
    }
    // The bytes of every file and the project's new file list commit together, or none of them;
    // the bytes of a replaced file are deleted in the same commit.
    ObjectNode updated =
        Containers.transact(
            store,
            tx -> {
              ObjectNode project = Containers.current(tx, "projects", id);
              ArrayNode list = project.withArray("files");
              for (int i = 0; i < entries.size(); i++) {
                ObjectNode entry = entries.get(i);
                int version = 1;
                for (Iterator<JsonNode> existing = list.elements(); existing.hasNext(); ) {
                  JsonNode old = existing.next();
                  if (old.path("name").asText().equals(entry.path("name").asText())) {
                    version = old.path("version").asInt(1) + 1;
                    entry.put("created", old.path("created").asText());
                    entry.set("info", old.path("info"));
                    entry.set("tags", old.path("tags"));
                    tx.deleteBlob(old.path("_id").asText());
                    existing.remove();
                  }
                }
                entry.put("version", version);
                list.add(entry);
                tx.putBlob(entry.path("_id").asText(), files.get(i).content());
              }
              Containers.stamp(project);
              tx.put("projects", id, project);
              return project;
            });
    ArrayNode answer = NODES.arrayNode();
    for (ObjectNode entry : entries) {
      answer.add(file(updated, entry.path("name").asText()));
    }
    return Reply.ok(answer);
  }

  private Reply download(Call call) {
    ObjectNode entry = file(readable(call), call.param("file"));
    byte[] content =
        store
            .getBlob(entry.path("_id").asText())
            .orElseThrow(
                () -> ApiError.notFound("The content of " + call.param("file") + " is gone"));
    String type = call.flag("view") ? entry.path("mimetype").asText() : "application/octet-stream";
    return Reply.bytes(content, type);
  }

  private Reply deleteFile(Call call) {
    String id = writable(call);
    String name = call.param("file");
    Containers.transact(
        store,
        tx -> {
          ObjectNode project = Containers.current(tx, "projects", id);
          Iterator<JsonNode> files = project.withArray("files").elements();
          while (files.hasNext()) {
            JsonNode file = files.next();
            if (file.path("name").asText().equals(name)) {
              files.remove();
              // The bytes go with the entry, in the same commit.
              tx.deleteBlob(file.path("_id").asText());
              Containers.stamp(project);
              tx.put("projects", id, project);
              return null;
            }
          }
          throw ApiError.notFound("File " + name + " not found");
        });
    return Reply.ok(Containers.deleted(1));
  }

  private Reply updateFileInfo(Call call) {
    String id = writable(call);
    String name = call.param("file");
    Containers.InfoUpdate update = Containers.infoUpdate(call);
    Containers.change(
        store,
        "projects",
        id,
        project -> {
          ObjectNode entry = file(project, name);
          update.applyTo(entry);
          entry.remove("info_exists");
          entry.put("modified", Ids.now());
        });
    return Reply.ok(Containers.modified(1));
  }

  private static ObjectNode file(JsonNode project, String name) {
    for (JsonNode entry : project.path("files")) {
      if (entry.path("name").asText().equals(name)) {
        return (ObjectNode) entry;
      }
    }
    throw ApiError.notFound(
        "File " + name + " not found in project " + project.path("_id").asText());
  }
}
