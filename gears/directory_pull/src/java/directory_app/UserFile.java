package directory_app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The user file: the directory entries as a YAML list (Jackson YAML), keys in alphabetical order,
 * in the report's record order, so that the same directory always gives the same bytes (and hash).
 */
final class UserFile {
  static final String CONTENT_TYPE = "text/yaml";
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build());

  private UserFile() {}

  static byte[] yaml(List<DirectoryEntry> entries) {
    try {
      return YAML.writeValueAsString(entries.stream().map(DirectoryEntry::toMap).toList())
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the user file", e);
    }
  }
}
