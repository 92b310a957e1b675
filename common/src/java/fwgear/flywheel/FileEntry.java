package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A file attached to a container. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileEntry(
    @JsonProperty("file_id") @JsonAlias("_id") String id,
    String name,
    String mimetype,
    long size,
    String hash,
    Map<String, Object> info,
    int version,
    String modified) {
  public FileEntry {
    info =
        info == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info));
  }
}
