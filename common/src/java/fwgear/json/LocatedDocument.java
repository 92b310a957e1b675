package fwgear.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON or YAML document parsed into a Jackson tree that remembers the line of every key and array
 * element, so that a problem found in the tree can name the line a user has to fix.
 *
 * <p>Keys are addressed with JSON pointers ({@code /config/speed}) or dotted paths ({@code
 * config.speed}); a key that is absent is located at its nearest present ancestor.
 */
public final class LocatedDocument {
  // Trees are built from the parser's tokens (below), without an ObjectMapper: making the first
  // mapper is a good part of a gear's start-up, and reading a manifest and config.json needs none.
  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The YAML factory (and SnakeYAML) only when a YAML document is read; typed as a JsonFactory, so
   * that even checking this class's code does not load them.
   */
  private static final class Yaml {
    static final JsonFactory FACTORY = new YAMLFactory();
  }

  private final String displayName;
  private final JsonNode root;
  private final Map<String, Integer> lines;
  private final List<Problem> duplicateKeys;

  private LocatedDocument(String displayName, JsonNode root, Located located) {
    this.displayName = displayName;
    this.root = root;
    this.lines = located.lines();
    this.duplicateKeys =
        located.duplicates().stream()
            .map(
                duplicate ->
                    Problem.error(
                        displayName,
                        duplicate.line(),
                        dotted(duplicate.pointer()),
                        "duplicate-key",
                        "appears more than once in its mapping, on line "
                            + duplicate.firstLine()
                            + " and again on line "
                            + duplicate.line()
                            + "; only one may be given"))
            .toList();
  }

  /** Where the keys of one document are, and the keys that one mapping repeats. */
  private record Located(Map<String, Integer> lines, List<Duplicate> duplicates) {}

  private record Duplicate(String pointer, int firstLine, int line) {}

  /** Reads a JSON file; a missing file or a syntax error is an {@link InvalidInputException}. */
  public static LocatedDocument readJson(Path file, String displayName) {
    return read(file, displayName, JSON);
  }

  /** Reads a YAML file; a missing file or a syntax error is an {@link InvalidInputException}. */
  public static LocatedDocument readYaml(Path file, String displayName) {
    return read(file, displayName, Yaml.FACTORY);
  }

  public static LocatedDocument parseJson(String text, String displayName) {
    return parse(text, displayName, JSON);
  }

  /** {@link #parseJson} by Jackson alone, without the plain reader (tests compare the two). */
  static LocatedDocument parseJsonWithJackson(String text, String displayName) {
    return parse(text, displayName, new JsonFactory());
  }

  /** Every pointer this document has a line for (tests). */
  Map<String, Integer> lines() {
    return lines;
  }

  public static LocatedDocument parseYaml(String text, String displayName) {
    return parse(text, displayName, Yaml.FACTORY);
  }

  private static LocatedDocument read(Path file, String displayName, JsonFactory factory) {
    return parse(readText(file, displayName), displayName, factory);
  }

  /**
   * The file as UTF-8 text; a missing file, a binary file (one with NUL bytes) or one that is not
   * UTF-8 is an {@link InvalidInputException} that says so.
   */
  static String readText(Path file, String displayName) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "file-missing", "file not found"));
    } catch (IOException e) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "file-unreadable", "cannot read: " + e.getMessage()));
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new InvalidInputException(
            Problem.error(
                displayName,
                lineAt(bytes, i),
                "",
                "file-binary",
                "is a binary file (a NUL byte at offset " + i + "), not text"));
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      int offset = firstBadByte(bytes);
      throw new InvalidInputException(
          Problem.error(
              displayName,
              lineAt(bytes, offset),
              "",
              "file-encoding",
              String.format(
                  "is not UTF-8 text: byte 0x%02X at offset %d (save the file as UTF-8)",
                  bytes[offset] & 0xFF, offset)));
    }
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The offset of the first byte that does not decode as UTF-8. */
  private static int firstBadByte(byte[] bytes) {
    java.nio.charset.CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult result = decoder.decode(in, out, true);
    return result.isError() ? Math.min(in.position(), bytes.length - 1) : 0;
  }

  private static LocatedDocument parse(String text, String displayName, JsonFactory factory) {
    try {
      JsonNode root;
      OnePass pass = new OnePass();
      if (factory == JSON) {
        Optional<JsonNode> plain = new PlainReader(text, pass).document();
        if (plain.isPresent()) {
          return new LocatedDocument(
              displayName, plain.get(), new Located(pass.lines, pass.duplicates));
        }
        pass = new OnePass(); // not plain: Jackson reads it (and words any syntax error)
      }
      try (JsonParser parser = factory.createParser(text)) {
        root = parser.nextToken() == null ? MissingNode.getInstance() : pass.tree(parser, "", true);
        if (parser.nextToken() != null) {
          throw new JsonParseException(parser, "only one value is allowed at the top level");
        }
      }
      if (root.isMissingNode()) {
        throw new InvalidInputException(
            Problem.error(displayName, 1, "", "syntax", "the file is empty"));
      }
      return new LocatedDocument(displayName, root, new Located(pass.lines, pass.duplicates));
    } catch (JsonProcessingException e) {
      throw syntaxError(displayName, e);
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string cannot fail", e);
    }
  }

  /**
   * The tree and the lines of one document in a single reading, as {@link #tree} and {@link
   * #locate} make them in two (those stay for YAML streams of several documents). The manifest is
   * the first document every gear reads, in the interpreter: one pass instead of two, with pointers
   * made as strings, is a few milliseconds of each start.
   */
  private static final class OnePass {
    final Map<String, Integer> lines = new HashMap<>();
    final Set<String> keys = new HashSet<>();
    final List<Duplicate> duplicates = new ArrayList<>();

    /** The value the parser is at, whose pointer is {@code pointer}; its line when it is lined. */
    JsonNode tree(JsonParser parser, String pointer, boolean lined) throws IOException {
      if (lined) {
        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
      }
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT) {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String key = pointer + "/" + escape(name);
          field(key, parser.currentTokenLocation().getLineNr());
          parser.nextToken();
          object.replace(name, tree(parser, key, false));
        }
        return object;
      }
      if (token == JsonToken.START_ARRAY) {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(tree(parser, pointer + "/" + index++, true));
        }
        return array;
      }
      return LocatedDocument.tree(parser);
    }

    void field(String pointer, int line) {
      if (!keys.add(pointer)) {
        // The parser keeps the last copy: lines point at it, not at the one it overrides.
        duplicates.add(new Duplicate(pointer, lines.getOrDefault(pointer, 0), line));
        String below = pointer + "/";
        lines.keySet().removeIf(known -> known.equals(pointer) || known.startsWith(below));
        // The keys inside the overridden copy are gone with it: not duplicates of the new one.
        keys.removeIf(known -> known.startsWith(below));
      }
      lines.putIfAbsent(pointer, line);
    }

    static String escape(String name) {
      return name.indexOf('~') < 0 && name.indexOf('/') < 0
          ? name
          : name.replace("~", "~0").replace("/", "~1");
    }
  }

  /**
   * A reader of plain JSON, the kind a manifest and a config.json are: objects, arrays, strings
   * (with escapes), integers, true, false and null, with the lines {@link OnePass} records. It
   * gives up (empty) on anything else: a number with a fraction or exponent or beyond a long, a
   * control character in a string, deep nesting, any syntax error; Jackson then reads the text, so
   * the tree of such a document and the words of every syntax error are Jackson's. A gear's first
   * Jackson parser costs about 6 ms of its start (its base class's static fields set up BigInteger
   * and BigDecimal, whose own set-up is that slow in the interpreter), a tenth of the start, for
   * documents this reader takes in well under a millisecond. {@code LocatedDocumentTest} checks
   * that both readings give the same tree and lines.
   */
  private static final class PlainReader {
    private final String text;
    private final OnePass pass;
    private int at;
    private int line = 1;

    PlainReader(String text, OnePass pass) {
      this.text = text;
      this.pass = pass;
    }

    /** The document's one value, or empty when it is not plain JSON. */
    Optional<JsonNode> document() {
      JsonNode root = value("", true, 0);
      if (root == null) {
        return Optional.empty();
      }
      skipSpace();
      return at == text.length() ? Optional.of(root) : Optional.empty();
    }

    /**
     * The value at the next token, lined at {@code pointer} when {@code lined}; null: not plain.
     */
    private JsonNode value(String pointer, boolean lined, int depth) {
      skipSpace();
      if (at >= text.length() || depth > 200) {
        return null;
      }
      if (lined) {
        pass.lines.putIfAbsent(pointer, line);
      }
      char c = text.charAt(at);
      switch (c) {
        case '{' -> {
          return object(pointer, depth);
        }
        case '[' -> {
          return array(pointer, depth);
        }
        case '"' -> {
          String string = string();
          return string == null ? null : NODES.textNode(string);
        }
        case 't' -> {
          return word("true") ? NODES.booleanNode(true) : null;
        }
        case 'f' -> {
          return word("false") ? NODES.booleanNode(false) : null;
        }
        case 'n' -> {
          return word("null") ? NODES.nullNode() : null;
        }
        default -> {
          return number();
        }
      }
    }

    private JsonNode object(String pointer, int depth) {
      ObjectNode object = NODES.objectNode();
      at++; // {
      skipSpace();
      if (at < text.length() && text.charAt(at) == '}') {
        at++;
        return object;
      }
      while (true) {
        skipSpace();
        if (at >= text.length() || text.charAt(at) != '"') {
          return null;
        }
        int keyLine = line;
        String name = string();
        if (name == null) {
          return null;
        }
        String key = pointer + "/" + OnePass.escape(name);
        pass.field(key, keyLine);
        skipSpace();
        if (at >= text.length() || text.charAt(at) != ':') {
          return null;
        }
        at++;
        JsonNode value = value(key, false, depth + 1);
        if (value == null) {
          return null;
        }
        object.replace(name, value);
        Boolean closed = closesOrContinues('}');
        if (closed == null) {
          return null;
        }
        if (closed) {
          return object;
        }
      }
    }

    private JsonNode array(String pointer, int depth) {
      ArrayNode array = NODES.arrayNode();
      at++; // [
      skipSpace();
      if (at < text.length() && text.charAt(at) == ']') {
        at++;
        return array;
      }
      for (int index = 0; ; index++) {
        JsonNode item = value(pointer + "/" + index, true, depth + 1);
        if (item == null) {
          return null;
        }
        array.add(item);
        Boolean closed = closesOrContinues(']');
        if (closed == null) {
          return null;
        }
        if (closed) {
          return array;
        }
      }
    }

    /**
     * After a member or an item: true at {@code close} (the container ends), false at a comma
     * (another follows), null at anything else (not plain).
     */
    private Boolean closesOrContinues(char close) {
      skipSpace();
      if (at >= text.length()) {
        return null;
      }
      char c = text.charAt(at++);
      return c == close ? Boolean.TRUE : c == ',' ? Boolean.FALSE : null;
    }

    /** The string at {@code at} (its opening quote); null when it is not plain. */
    private String string() {
      at++; // "
      StringBuilder out = null;
      int start = at;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '"') {
          String value =
              out == null ? text.substring(start, at) : out.append(text, start, at).toString();
          at++;
          return value;
        }
        if (c < 0x20) {
          return null;
        }
        if (c == '\\') {
          if (out == null) {
            out = new StringBuilder();
          }
          out.append(text, start, at);
          if (at + 1 >= text.length()) {
            return null;
          }
          char e = text.charAt(at + 1);
          switch (e) {
            case '"', '\\', '/' -> out.append(e);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
              if (at + 6 > text.length()) {
                return null;
              }
              int code = 0;
              for (int i = at + 2; i < at + 6; i++) {
                int digit = Character.digit(text.charAt(i), 16);
                if (digit < 0) {
                  return null;
                }
                code = code * 16 + digit;
              }
              out.append((char) code);
              at += 4;
            }
            default -> {
              return null;
            }
          }
          at += 2;
          start = at;
        } else {
          at++;
        }
      }
      return null;
    }

    private boolean word(String word) {
      if (!text.startsWith(word, at)) {
        return false;
      }
      at += word.length();
      // A letter or digit right after (truex) is not plain: Jackson says what is wrong.
      return at >= text.length() || !Character.isLetterOrDigit(text.charAt(at));
    }

    /** An integer within a long, as Jackson's tree has it (int or long node); else null. */
    private JsonNode number() {
      int start = at;
      if (at < text.length() && text.charAt(at) == '-') {
        at++;
      }
      int digits = at;
      while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
        at++;
      }
      int count = at - digits;
      if (count == 0 || count > 18 || (count > 1 && text.charAt(digits) == '0')) {
        return null;
      }
      if (at < text.length()) {
        char next = text.charAt(at);
        if (next == '.' || next == 'e' || next == 'E' || Character.isLetterOrDigit(next)) {
          return null;
        }
      }
      long value = Long.parseLong(text, start, at, 10);
      return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /** Spaces, tabs and line breaks (CR, LF, CR LF: one line each, as Jackson counts). */
    private void skipSpace() {
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '\n') {
          line++;
        } else if (c == '\r') {
          line++;
          if (at + 1 < text.length() && text.charAt(at + 1) == '\n') {
            at++;
          }
        } else if (c != ' ' && c != '\t') {
          return;
        }
        at++;
      }
    }
  }

  /**
   * The tree of the value the parser is at, as {@code ObjectMapper.readTree} builds it: ints as
   * int, long or big integer nodes, other numbers as doubles (big decimals when the parser has
   * them), a repeated key's last value.
   */
  private static JsonNode tree(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.replace(name, tree(parser));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(tree(parser));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
            ? NODES.numberNode(parser.getDecimalValue())
            : NODES.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      case VALUE_EMBEDDED_OBJECT -> {
        Object value = parser.getEmbeddedObject();
        return value instanceof byte[] bytes ? NODES.binaryNode(bytes) : NODES.pojoNode(value);
      }
      default -> throw new JsonParseException(parser, "unexpected " + token);
    }
  }

  /**
   * Reads every document of a YAML stream ({@code ---} separated) in order; documents with no
   * content are skipped, so the list may be empty. A syntax error anywhere is an {@link
   * InvalidInputException} naming its line.
   */
  public static List<LocatedDocument> readYamlDocuments(Path file, String displayName) {
    return parseYamlDocuments(readText(file, displayName), displayName);
  }

  /** {@link #readYamlDocuments} for text in memory. */
  public static List<LocatedDocument> parseYamlDocuments(String text, String displayName) {
    try {
      List<JsonNode> roots = new ArrayList<>();
      // One tree per root value; (a MappingIterator would unwrap a root-level list instead.)
      try (JsonParser parser = Yaml.FACTORY.createParser(text)) {
        while (parser.nextToken() != null) {
          roots.add(tree(parser));
        }
      }
      List<Located> located = locate(text, Yaml.FACTORY);
      List<LocatedDocument> documents = new ArrayList<>();
      for (int i = 0; i < roots.size() && i < located.size(); i++) {
        JsonNode root = roots.get(i);
        if (root != null && !root.isMissingNode() && !root.isNull()) {
          documents.add(new LocatedDocument(displayName, root, located.get(i)));
        }
      }
      return documents;
    } catch (JsonProcessingException e) {
      throw syntaxError(displayName, e);
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string cannot fail", e);
    }
  }

  private static InvalidInputException syntaxError(String displayName, JsonProcessingException e) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
    String where = column > 0 ? "column " + column + ": " : "";
    return new InvalidInputException(
        Problem.error(
            displayName,
            Math.max(line, 0),
            "",
            "syntax",
            where + SyntaxMessages.plain(e.getOriginalMessage())));
  }

  /** One {@link Located} per root value (document) of the text, in order; at least one. */
  private static List<Located> locate(String text, JsonFactory factory)
      throws JsonProcessingException {
    List<Located> documents = new ArrayList<>();
    Map<String, Integer> lines = new HashMap<>();
    Set<String> keys = new HashSet<>();
    List<Duplicate> duplicates = new ArrayList<>();
    boolean first = true;
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        JsonStreamContext context = parser.getParsingContext();
        boolean startsDocument =
            token.isStructStart()
                ? context.getParent().inRoot()
                : !token.isStructEnd() && context.inRoot();
        if (startsDocument && !first) {
          documents.add(new Located(lines, duplicates));
          lines = new HashMap<>();
          keys = new HashSet<>();
          duplicates = new ArrayList<>();
        }
        first &= !startsDocument;
        int line = parser.currentTokenLocation().getLineNr();
        if (token == JsonToken.FIELD_NAME) {
          String pointer = context.pathAsPointer().toString();
          if (!keys.add(pointer)) {
            // The parser keeps the last copy: lines point at it, not at the one it overrides.
            duplicates.add(new Duplicate(pointer, lines.getOrDefault(pointer, 0), line));
            String below = pointer + "/";
            lines.keySet().removeIf(known -> known.equals(pointer) || known.startsWith(below));
            // The keys inside the overridden copy are gone with it: not duplicates of the new one.
            keys.removeIf(known -> known.startsWith(below));
          }
          lines.putIfAbsent(pointer, line);
        } else if (token.isStructStart()) {
          JsonStreamContext parent = context.getParent();
          if (parent != null && parent.inArray()) {
            lines.putIfAbsent(parent.pathAsPointer().toString(), line);
          } else if (parent != null && parent.inRoot()) {
            lines.putIfAbsent("", line);
          }
        } else if (context.inArray()) {
          lines.putIfAbsent(context.pathAsPointer().toString(), line);
        } else if (context.inRoot()) {
          lines.putIfAbsent("", line);
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string cannot fail", e);
    }
    documents.add(new Located(lines, duplicates));
    return documents;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * Keys that one mapping of this document repeats, as errors located at the repetition; empty when
   * there are none. (The parser keeps the last value, which silently hides the first.)
   */
  public List<Problem> duplicateKeys() {
    return duplicateKeys;
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
