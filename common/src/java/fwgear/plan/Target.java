package fwgear.plan;

/**
 * What a change is about: a container such as {@code group alpha} or {@code project
 * alpha/ingest-form}. The {@link Summary} counts targets by kind.
 *
 * @param kind a singular noun ({@code group}, {@code project}); the summary adds an {@code s}
 * @param id how the plan names the target ({@code alpha}, {@code alpha/ingest-form})
 */
public record Target(String kind, String id) {
  public Target {
    if (kind == null || kind.isBlank() || id == null) {
      throw new IllegalArgumentException("a target needs a kind and an id");
    }
  }

  /** A file of a project: {@code file alpha/project-admin/users.yaml}. */
  public static Target file(String project, String fileName) {
    return new Target("file", project + "/" + fileName);
  }

  @Override
  public String toString() {
    return kind + " " + id;
  }
}
