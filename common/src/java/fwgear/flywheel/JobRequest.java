package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/jobs/add} takes: the gear, its inputs by name, the destination container,
 * config values and tags.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRequest(
    @JsonProperty("gear_id") String gearId,
    Map<String, Input> inputs,
    Container destination,
    Map<String, Object> config,
    List<String> tags,
    String label) {

  /** A file input: the container holding the file, and its name. */
  public record Input(String type, String id, String name) {}

  /** A container by type ({@code project}, {@code session}...) and id. */
  public record Container(String type, String id) {}
}
