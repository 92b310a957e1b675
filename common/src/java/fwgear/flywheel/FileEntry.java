package fwgear.flywheel;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A file attached to a container.
 *
 * @param hash Flywheel's hash of the stored bytes ({@code v0-sha384-<hex>}): two files with the
 *     same hash hold the same bytes
 * @param type the file type Flywheel gave it ({@code source code}, {@code tabular data}...), or
 *     null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileEntry(
    @JsonProperty("file_id") @JsonAlias("_id") String id,
    String name,
    String mimetype,
    long size,
    String hash,
    Map<String, Object> info,
    int version,
    String modified,
    String type) {
  public FileEntry {
    info =
        info == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info));
  }

  public FileEntry(
      String id,
      String name,
      String mimetype,
      long size,
      String hash,
      Map<String, Object> info,
      int version,
      String modified) {
    this(id, name, mimetype, size, hash, info, version, modified, null);
  }

  /** Whether this file holds the same bytes under the same name (Flywheel's hash says so). */
  public boolean sameAs(String otherName, String otherHash) {
    return name != null
        && name.equals(otherName)
        && hash != null
        && !hash.isEmpty()
        && hash.equals(otherHash);
  }
}
