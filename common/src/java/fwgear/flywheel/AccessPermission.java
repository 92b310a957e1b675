package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A user's access level on a group: {@code ro}, {@code rw} or {@code admin}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessPermission(@JsonProperty("_id") String id, String access) {
  public static final String READ_ONLY = "ro";
  public static final String READ_WRITE = "rw";
  public static final String ADMIN = "admin";
}
