package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Flywheel project: label unique in its group, role-based permissions, info, tags, files. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Project(
    @JsonProperty("_id") String id,
    String label,
    String group,
    String description,
    List<RolePermission> permissions,
    Map<String, Object> info,
    List<String> tags,
    List<FileEntry> files) {
  public Project {
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
    info =
        info == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info));
    tags = tags == null ? List.of() : List.copyOf(tags);
    files = files == null ? List.of() : List.copyOf(files);
    description = description == null ? "" : description;
  }

  /** A project as it would be right after its creation; its id is empty (used by dry runs). */
  public static Project unsaved(String group, String label) {
    return new Project(null, label, group, "", List.of(), Map.of(), List.of(), List.of());
  }

  /** Whether the project exists on the server (a dry run's would-be project does not). */
  public boolean isSaved() {
    return id != null;
  }

  public Project withTag(String tag) {
    List<String> changed = new ArrayList<>(tags);
    changed.add(tag);
    return new Project(id, label, group, description, permissions, info, changed, files);
  }

  public Project withDescription(String text) {
    return new Project(id, label, group, text, permissions, info, tags, files);
  }

  /** This project with these info keys set. */
  public Project withInfo(Map<String, ?> values) {
    Map<String, Object> changed = new LinkedHashMap<>(info);
    changed.putAll(values);
    return new Project(id, label, group, description, permissions, changed, tags, files);
  }

  /** This project with the user's roles added or replaced. */
  public Project withPermission(RolePermission permission) {
    List<RolePermission> changed = new ArrayList<>();
    permissions.stream().filter(p -> !permission.id().equals(p.id())).forEach(changed::add);
    changed.add(permission);
    return new Project(id, label, group, description, changed, info, tags, files);
  }

  /** This project with a file added or replaced (by name). */
  public Project withFile(FileEntry file) {
    List<FileEntry> changed = new ArrayList<>();
    files.stream().filter(f -> !file.name().equals(f.name())).forEach(changed::add);
    changed.add(file);
    return new Project(id, label, group, description, permissions, info, tags, changed);
  }

  public Optional<RolePermission> permissionOf(String userId) {
    return permissions.stream().filter(p -> userId.equals(p.id())).findFirst();
  }

  public Optional<FileEntry> file(String name) {
    return files.stream().filter(f -> name.equals(f.name())).findFirst();
  }
}
