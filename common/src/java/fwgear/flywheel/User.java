package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A Flywheel user; the id is the user's email. {@code root} marks a site admin. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(
    @JsonProperty("_id") String id,
    String email,
    String firstname,
    String lastname,
    List<String> roles,
    boolean root,
    boolean disabled) {
  public User {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
