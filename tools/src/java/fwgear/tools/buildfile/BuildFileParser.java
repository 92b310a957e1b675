package fwgear.tools.buildfile;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a BUILD file in Pants syntax: a sequence of calls with positional and keyword arguments
 * whose values are strings (single, double or triple quoted, adjacent ones joined), numbers, {@code
 * True}, {@code False}, {@code None}, lists, tuples, dicts and nested calls; {@code #} comments and
 * trailing commas are allowed. The first syntax error is an {@link InvalidInputException} naming
 * the file, line and column.
 */
public final class BuildFileParser {
  public static final String RULE = "build-syntax";

  private final String text;
  private final String file;
  private int pos;

  private BuildFileParser(String text, String file) {
    this.text = text;
    this.file = file;
  }

  /**
   * Parses the text of a BUILD file.
   *
   * @param file the file's name as users should see it, for error messages
   */
  public static List<BuildCall> parse(String text, String file) {
    return new BuildFileParser(text, file).calls();
  }

  private List<BuildCall> calls() {
    List<BuildCall> calls = new ArrayList<>();
    skipSpace();
    while (pos < text.length()) {
      int start = pos;
      Object value = value();
      if (!(value instanceof BuildCall call)) {
        throw error(start, "expected a call such as file(name=\"x\"), found " + describe(value));
      }
      calls.add(call);
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == ';') {
        pos++;
        skipSpace();
      }
    }
    return calls;
  }

  private static String describe(Object value) {
    return BuildValue.typeName(value) + " " + BuildValue.show(value);
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) {
      throw error(pos, "unexpected end of file, expected a value");
    }
    char c = text.charAt(pos);
    if (c == '[') {
      return sequence('[', ']');
    }
    if (c == '(') {
      return sequence('(', ')');
    }
    if (c == '{') {
      return dict();
    }
    if (c == '"' || c == '\'' || isStringPrefix()) {
      StringBuilder joined = new StringBuilder(string());
      while (true) {
        int save = pos;
        skipSpace();
        if (pos < text.length()
            && (text.charAt(pos) == '"' || text.charAt(pos) == '\'' || isStringPrefix())) {
          joined.append(string());
        } else {
          pos = save;
          return joined.toString();
        }
      }
    }
    if (c == '-' || c == '+' || Character.isDigit(c) || c == '.') {
      return number();
    }
    if (Character.isJavaIdentifierStart(c)) {
      int start = pos;
      String name = identifier();
      int afterName = pos;
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == '(') {
        return call(name, start);
      }
      pos = afterName;
      return switch (name) {
        case "True" -> Boolean.TRUE;
        case "False" -> Boolean.FALSE;
        case "None" -> BuildValue.NONE;
        default -> new BuildSymbol(name, lineAt(start));
      };
    }
    throw error(pos, "unexpected character '" + c + "'");
  }

  private BuildCall call(String function, int start) {
    int open = pos;
    pos++;
    List<Object> positional = new ArrayList<>();
    Map<String, Object> keywords = new LinkedHashMap<>();
    Map<String, Integer> keywordLines = new HashMap<>();
    while (true) {
      skipSpace();
      if (pos >= text.length()) {
        throw error(open, "'(' of " + function + " is never closed");
      }
      if (text.charAt(pos) == ')') {
        pos++;
        break;
      }
      int argStart = pos;
      String keyword = null;
      if (Character.isJavaIdentifierStart(text.charAt(pos))) {
        String name = identifier();
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '=' && peek(1) != '=') {
          pos++;
          keyword = name;
        } else {
          pos = argStart;
        }
      }
      Object value = value();
      if (keyword != null) {
        if (keywords.containsKey(keyword)) {
          throw error(argStart, "keyword argument repeated: " + keyword);
        }
        keywords.put(keyword, value);
        keywordLines.put(keyword, lineAt(argStart));
      } else {
        if (!keywords.isEmpty()) {
          throw error(argStart, "positional argument follows keyword argument");
        }
        positional.add(value);
      }
      if (!separator(')')) {
        throw error(pos, "expected ',' or ')' in the arguments of " + function);
      }
    }
    return new BuildCall(
        function, positional, keywords, keywordLines, lineAt(start), columnAt(start));
  }

  private List<Object> sequence(char open, char close) {
    int start = pos;
    pos++;
    List<Object> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= text.length()) {
        throw error(start, "'" + open + "' is never closed");
      }
      if (text.charAt(pos) == close) {
        pos++;
        return items;
      }
      items.add(value());
      if (!separator(close)) {
        throw error(pos, "expected ',' or '" + close + "'");
      }
    }
  }

  private Map<Object, Object> dict() {
    int start = pos;
    pos++;
    Map<Object, Object> entries = new LinkedHashMap<>();
    while (true) {
      skipSpace();
      if (pos >= text.length()) {
        throw error(start, "'{' is never closed");
      }
      if (text.charAt(pos) == '}') {
        pos++;
        return entries;
      }
      int keyStart = pos;
      Object key = value();
      if (key instanceof Map) {
        throw error(keyStart, "a dict key must be a string, number, name or tuple");
      }
      skipSpace();
      if (pos >= text.length() || text.charAt(pos) != ':') {
        throw error(pos, "expected ':' after a dict key");
      }
      pos++;
      entries.put(key, value());
      if (!separator('}')) {
        throw error(pos, "expected ',' or '}'");
      }
    }
  }

  /** After an item: consumes a comma, or sees the closing bracket; false when neither follows. */
  private boolean separator(char close) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == ',') {
      pos++;
      return true;
    }
    return pos >= text.length() || text.charAt(pos) == close;
  }

  private boolean isStringPrefix() {
    int i = pos;
    while (i < text.length() && i - pos < 2 && "rRbBuU".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i > pos && i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'');
  }

  private String string() {
    int start = pos;
    boolean raw = false;
    while ("rRbBuU".indexOf(text.charAt(pos)) >= 0) {
      raw |= Character.toLowerCase(text.charAt(pos)) == 'r';
      pos++;
    }
    char quote = text.charAt(pos);
    boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
    pos += triple ? 3 : 1;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error(start, "string is never closed");
      }
      char c = text.charAt(pos);
      if (triple ? text.startsWith(String.valueOf(quote).repeat(3), pos) : c == quote) {
        pos += triple ? 3 : 1;
        return value.toString();
      }
      if (c == '\n' && !triple) {
        throw error(start, "string is never closed on its line");
      }
      if (c == '\\' && pos + 1 < text.length()) {
        char next = text.charAt(pos + 1);
        if (raw) {
          value.append(c).append(next);
        } else {
          switch (next) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case '0' -> value.append('\0');
            case '\n' -> {}
            case '\\', '\'', '"' -> value.append(next);
            default -> value.append(c).append(next);
          }
        }
        pos += 2;
        continue;
      }
      value.append(c);
      pos++;
    }
  }

  private Object number() {
    int start = pos;
    if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
      pos++;
    }
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos))
            || text.charAt(pos) == '.'
            || text.charAt(pos) == '_'
            || ((text.charAt(pos) == '-' || text.charAt(pos) == '+')
                && Character.toLowerCase(text.charAt(pos - 1)) == 'e'))) {
      pos++;
    }
    String literal = text.substring(start, pos).replace("_", "");
    try {
      if (literal.matches("[-+]?\\d+")) {
        return Long.parseLong(literal);
      }
      if (literal.matches("[-+]?0[xX][0-9a-fA-F]+")) {
        boolean negative = literal.startsWith("-");
        long value = Long.parseLong(literal.replaceFirst("^[-+]?0[xX]", ""), 16);
        return negative ? -value : value;
      }
      return Double.parseDouble(literal);
    } catch (NumberFormatException e) {
      throw error(start, "not a number: " + literal);
    }
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private char peek(int offset) {
    int at = pos + offset;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (Character.isWhitespace(c) || (c == '\\' && peek(1) == '\n')) {
        pos++;
      } else {
        return;
      }
    }
  }

  private int lineAt(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private int columnAt(int offset) {
    int lineStart = text.lastIndexOf('\n', Math.max(offset - 1, 0));
    if (offset == 0) {
      return 1;
    }
    return offset - lineStart;
  }

  private InvalidInputException error(int offset, String message) {
    return new InvalidInputException(
        Problem.error(
            file, lineAt(offset), "", RULE, "column " + columnAt(offset) + ": " + message));
  }
}
