package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The site configuration ({@code GET /api/config}): where the site is and what it supports. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SiteConfig(Site site, Map<String, Object> features) {
  public SiteConfig {
    features = features == null ? Map.of() : Map.copyOf(features);
  }

  /** The site's identity and addresses. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Site(
      String id,
      String name,
      @JsonProperty("api_url") String apiUrl,
      @JsonProperty("redirect_url") String redirectUrl) {}
}
