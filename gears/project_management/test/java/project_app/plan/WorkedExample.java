package project_app.plan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import project_app.definition.ProjectFile;
import project_app.definition.StudyDefinition;
import project_app.state.GroupState;
import project_app.state.RoleRef;

/** The reference's worked example (section 4): its file, admin group and site roles. */
final class WorkedExample {
  static final RoleRef ADMIN = new RoleRef("r-admin", "admin");
  static final RoleRef CURATE = new RoleRef("r-curate", "curate");
  static final RoleRef UPLOAD = new RoleRef("r-upload", "upload");
  static final RoleRef READ_ONLY = new RoleRef("r-ro", "read-only");

  static final Map<String, RoleRef> ROLES =
      Map.of("admin", ADMIN, "curate", CURATE, "upload", UPLOAD, "read-only", READ_ONLY);

  /** A = [(u1, admin), (u2, rw), (u3, ro)]. */
  static GroupState nacc() {
    Map<String, String> access = new LinkedHashMap<>();
    access.put("u1@example.org", "admin");
    access.put("u2@example.org", "rw");
    access.put("u3@example.org", "ro");
    return new GroupState("nacc", "NACC", List.of(), List.of(), access);
  }

  static List<StudyDefinition> studies() {
    return ProjectFile.read(Path.of("data/test-project.yaml"), "test-project.yaml").studies();
  }

  static Optional<GroupState> admin() {
    return Optional.of(nacc());
  }

  private WorkedExample() {}
}
