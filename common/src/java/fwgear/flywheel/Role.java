package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A site-defined project role, such as {@code admin} or {@code read-only}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Role(
    @JsonProperty("_id") String id,
    String label,
    List<String> actions,
    @JsonProperty("default_flywheel_role") String defaultFlywheelRole) {
  public Role {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }
}
