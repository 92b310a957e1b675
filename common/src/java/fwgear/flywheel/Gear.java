package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A gear registered on the site: its id, category, manifest, where its image is ({@code exchange}:
 * {@code rootfs-url}, {@code rootfs-hash}, {@code git-commit}) and when it was registered.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Gear(
    @JsonProperty("_id") String id,
    String category,
    JsonNode gear,
    JsonNode exchange,
    String created) {
  public String name() {
    return gear.path("name").asText();
  }

  public String version() {
    return gear.path("version").asText();
  }
}
