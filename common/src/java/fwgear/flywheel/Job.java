package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A job: a gear run with inputs, config and a destination; state pending to complete/failed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Job(
    @JsonProperty("id") @JsonAlias("_id") String id,
    @JsonProperty("gear_id") String gearId,
    String state,
    JsonNode destination,
    JsonNode inputs,
    JsonNode config,
    List<String> tags) {
  public Job {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
