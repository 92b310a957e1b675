package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shape of a project document. */
final class Projects {
  private Projects() {}

  /** A project's label is unique within its group (the store's unique key). */
  static String uniqueKey(ObjectNode project) {
    return project.path("group").asText() + "/" + project.path("label").asText();
  }

  static ObjectNode newProject(String id, String group, String label, String now) {
    ObjectNode project = NODES.objectNode();
    project.put("_id", id);
    project.put("label", label);
    project.put("description", "");
    project.put("group", group);
    project.putObject("parents").put("group", group);
    project.putArray("permissions");
    project.putObject("info");
    project.put("info_exists", false);
    project.putArray("tags");
    project.putArray("files");
    project.putArray("notes");
    project.putArray("analyses");
    project.put("copyable", false);
    project.put("created", now);
    project.put("modified", now);
    project.put("revision", 1);
    return project;
  }
}
