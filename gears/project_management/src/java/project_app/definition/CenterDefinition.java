package project_app.definition;

import fwgear.centers.CenterGroups;
import java.util.List;

/**
 * One center of a study as the project file lists it: its group id ({@code center-id}), the group's
 * label ({@code name}), whether it is active and the tags its group and projects carry.
 *
 * @param line the line of the center's entry, for messages about it
 */
public record CenterDefinition(
    String name, String centerId, boolean active, List<String> tags, int line) {

  /** The tag that marks a center for runs with {@code new_only}. */
  public static final String NEW_CENTER_TAG = CenterGroups.NEW_CENTER_TAG;

  public CenterDefinition {
    tags = List.copyOf(tags);
  }

  /** The same center, as far as the gear is concerned (its line aside). */
  public boolean sameAs(CenterDefinition other) {
    return name.equals(other.name)
        && centerId.equals(other.centerId)
        && active == other.active
        && tags.equals(other.tags);
  }

  public boolean isNew() {
    return CenterGroups.isNew(tags);
  }
}
