package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A user's roles on a project, by role id. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RolePermission(
    @JsonProperty("_id") String id, @JsonProperty("role_ids") List<String> roleIds) {
  public RolePermission {
    roleIds = roleIds == null ? List.of() : List.copyOf(roleIds);
  }
}
