package fwgear.tools.buildfile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call in a BUILD file, such as {@code deploy_jar(name="bin", main="app.Run")}: the function,
 * its positional and keyword arguments, and where it stands. Argument values are plain Java values:
 * {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@link BuildValue#NONE} for {@code
 * None}, {@link List} (lists and tuples), {@link Map} (dicts, insertion order) and nested {@link
 * BuildCall}s.
 *
 * @param keywordLines the line of each keyword argument, for problems about one field
 */
public record BuildCall(
    String function,
    List<Object> positional,
    Map<String, Object> keywords,
    Map<String, Integer> keywordLines,
    int line,
    int column) {

  public BuildCall {
    positional = List.copyOf(positional);
    keywords = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
    keywordLines = Map.copyOf(keywordLines);
  }

  public int lineOf(String keyword) {
    return keywordLines.getOrDefault(keyword, line);
  }
}
