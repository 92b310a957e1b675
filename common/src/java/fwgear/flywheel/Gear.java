package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** A gear registered on the site: its id, category and manifest. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Gear(@JsonProperty("_id") String id, String category, JsonNode gear) {
  public String name() {
    return gear.path("name").asText();
  }

  public String version() {
    return gear.path("version").asText();
  }
}
