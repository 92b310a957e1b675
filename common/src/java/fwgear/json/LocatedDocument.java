package fwgear.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON or YAML document parsed into a Jackson tree that remembers the line of every key and array
 * element, so that a problem found in the tree can name the line a user has to fix.
 *
 * <p>Keys are addressed with JSON pointers ({@code /config/speed}) or dotted paths ({@code
 * config.speed}); a key that is absent is located at its nearest present ancestor.
 */
public final class LocatedDocument {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String displayName;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private LocatedDocument(String displayName, JsonNode root, Map<String, Integer> lines) {
    this.displayName = displayName;
    this.root = root;
    this.lines = lines;
  }

  /** Reads a JSON file; a missing file or a syntax error is an {@link InvalidInputException}. */
  public static LocatedDocument readJson(Path file, String displayName) {
    return read(file, displayName, JSON);
  }

  /** Reads a YAML file; a missing file or a syntax error is an {@link InvalidInputException}. */
  public static LocatedDocument readYaml(Path file, String displayName) {
    return read(file, displayName, YAML);
  }

  public static LocatedDocument parseJson(String text, String displayName) {
    return parse(text, displayName, JSON);
  }

  public static LocatedDocument parseYaml(String text, String displayName) {
    return parse(text, displayName, YAML);
  }

  private static LocatedDocument read(Path file, String displayName, ObjectMapper mapper) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "file-missing", "file not found"));
    } catch (IOException e) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "file-unreadable", "cannot read: " + e.getMessage()));
    }
    return parse(text, displayName, mapper);
  }

  private static LocatedDocument parse(String text, String displayName, ObjectMapper mapper) {
    try {
      JsonNode root = mapper.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw new InvalidInputException(
            Problem.error(displayName, 1, "", "syntax", "the file is empty"));
      }
      return new LocatedDocument(displayName, root, lineMap(text, mapper.getFactory()));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      String where = column > 0 ? "column " + column + ": " : "";
      throw new InvalidInputException(
          Problem.error(
              displayName, Math.max(line, 0), "", "syntax", where + e.getOriginalMessage()));
    }
  }

  private static Map<String, Integer> lineMap(String text, JsonFactory factory)
      throws JsonProcessingException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        JsonStreamContext context = parser.getParsingContext();
        int line = parser.currentTokenLocation().getLineNr();
        if (token == JsonToken.FIELD_NAME) {
          lines.putIfAbsent(context.pathAsPointer().toString(), line);
        } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          JsonStreamContext parent = context.getParent();
          if (parent != null && parent.inArray()) {
            lines.putIfAbsent(parent.pathAsPointer().toString(), line);
          } else if (parent != null && parent.inRoot()) {
            lines.putIfAbsent("", line);
          }
        } else if (context.inArray()) {
          lines.putIfAbsent(context.pathAsPointer().toString(), line);
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string cannot fail", e);
    }
    return lines;
  }

  public String displayName() {
    return displayName;
  }

  public JsonNode root() {
    return root;
  }

  /** The node at a dotted path or JSON pointer; {@link MissingNode} when absent. */
  public JsonNode at(String path) {
    return root.at(toPointer(path));
  }

  /**
   * The 1-based line of the key at a dotted path or JSON pointer; for an absent key, the line of
   * its nearest present ancestor; 0 only when nothing on the path has a line.
   */
  public int lineOf(String path) {
    JsonPointer pointer = toPointer(path);
    while (pointer != null) {
      Integer line = lines.get(pointer.toString());
      if (line != null) {
        return line;
      }
      pointer = pointer.head();
    }
    return 0;
  }

  /** An error located at a key of this document. */
  public Problem error(String path, String rule, String message) {
    return Problem.error(displayName, lineOf(path), dotted(path), rule, message);
  }

  /** A warning located at a key of this document. */
  public Problem warning(String path, String rule, String message) {
    return Problem.warning(displayName, lineOf(path), dotted(path), rule, message);
  }

  /** Converts a dotted path ({@code a.b.0}) to a JSON pointer; a pointer is returned unchanged. */
  public static JsonPointer toPointer(String path) {
    if (path.isEmpty() || path.startsWith("/")) {
      return JsonPointer.compile(path);
    }
    JsonPointer pointer = JsonPointer.empty();
    for (String segment : path.split("\\.", -1)) {
      pointer = pointer.appendProperty(segment);
    }
    return pointer;
  }

  /** The dotted form of a JSON pointer ({@code /config/speed} becomes {@code config.speed}). */
  public static String dotted(String path) {
    if (!path.startsWith("/")) {
      return path;
    }
    StringBuilder dotted = new StringBuilder();
    JsonPointer pointer = JsonPointer.compile(path);
    while (pointer != null && !pointer.matches()) {
      if (dotted.length() > 0) {
        dotted.append('.');
      }
      dotted.append(pointer.getMatchingProperty());
      pointer = pointer.tail();
    }
    return dotted.toString();
  }
}
