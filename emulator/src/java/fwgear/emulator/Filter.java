package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code filter} query parameter: conditions joined by commas (a {@code \,} is a literal
 * comma), each {@code key op value} with op one of {@code = != < <= > >= =~}, the key a dotted
 * path. An array field matches when any element does ({@code !=}: when none equals).
 */
final class Filter {
  private static final List<String> OPERATORS = List.of("!=", "<=", ">=", "=~", "=", "<", ">");

  record Condition(String key, String operator, String value, Pattern regex) {
    boolean matches(JsonNode document) {
      JsonNode field = at(document, key);
      if (operator.equals("!=")) {
        if (field.isArray()) {
          for (JsonNode element : field) {
            if (equalsValue(element)) {
              return false;
            }
          }
          return true;
        }
        return !equalsValue(field);
      }
      if (field.isArray()) {
        for (JsonNode element : field) {
          if (matchesOne(element)) {
            return true;
          }
        }
        return false;
      }
      return matchesOne(field);
    }

    private boolean matchesOne(JsonNode field) {
      return switch (operator) {
        case "=" -> equalsValue(field);
        case "=~" ->
            !field.isMissingNode() && !field.isNull() && regex.matcher(field.asText()).find();
        default -> compare(field);
      };
    }

    private boolean equalsValue(JsonNode field) {
      if (quoted()) {
        // A quoted value is forced to a string: it matches text only, never 42, true or null.
        return field.isTextual() && field.textValue().equals(unquoted());
      }
      Object typed = typedValue();
      if (typed == null) {
        return field.isMissingNode() || field.isNull();
      }
      if (typed instanceof Boolean b) {
        return field.isBoolean() && field.booleanValue() == b;
      }
      if (typed instanceof Double d) {
        return field.isNumber()
            ? field.doubleValue() == d
            : field.isTextual() && field.textValue().equals(value);
      }
      return field.isValueNode() && !field.isNull() && field.asText().equals(typed);
    }

    private boolean compare(JsonNode field) {
      if (field.isMissingNode() || field.isNull()) {
        return false;
      }
      int order;
      Object typed = typedValue();
      if (quoted() && !field.isTextual()) {
        return false;
      }
      if (typed instanceof Double d && field.isNumber()) {
        order = Double.compare(field.doubleValue(), d);
      } else {
        order = field.asText().compareTo(unquoted());
      }
      return switch (operator) {
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        default -> order >= 0;
      };
    }

    /** The value as the 2019 server coerced it: quoted stays text; null, booleans, numbers. */
    private Object typedValue() {
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        return unquoted();
      }
      switch (value) {
        case "null":
          return null;
        case "true":
          return Boolean.TRUE;
        case "false":
          return Boolean.FALSE;
        default:
          try {
            return Double.valueOf(value);
          } catch (NumberFormatException e) {
            return value;
          }
      }
    }

    private boolean quoted() {
      return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
    }

    private String unquoted() {
      return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
          ? value.substring(1, value.length() - 1)
          : value;
    }
  }

  private final List<Condition> conditions;

  private Filter(List<Condition> conditions) {
    this.conditions = conditions;
  }

  static Filter all() {
    return new Filter(List.of());
  }

  /** Parses a filter; a malformed one is a 422, as on the real server. */
  static Filter parse(String text) {
    List<Condition> conditions = new ArrayList<>();
    for (String part : splitOnUnescapedCommas(text)) {
      if (part.isBlank()) {
        continue;
      }
      conditions.add(condition(part));
    }
    return new Filter(List.copyOf(conditions));
  }

  boolean matches(JsonNode document) {
    for (Condition condition : conditions) {
      if (!condition.matches(document)) {
        return false;
      }
    }
    return true;
  }

  private static Condition condition(String text) {
    int at = -1;
    String found = null;
    for (int i = 0; i < text.length() && found == null; i++) {
      for (String operator : OPERATORS) {
        if (text.startsWith(operator, i)) {
          at = i;
          found = operator;
          break;
        }
      }
    }
    if (found == null || at == 0) {
      throw ApiError.unprocessable("Invalid filter condition: " + text);
    }
    String key = text.substring(0, at).strip();
    String value = text.substring(at + found.length());
    Pattern regex = null;
    if (found.equals("=~")) {
      try {
        regex = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw ApiError.unprocessable("Invalid regular expression in filter: " + value);
      }
    }
    return new Condition(key, found, value, regex);
  }

  private static List<String> splitOnUnescapedCommas(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
        current.append(',');
        i++;
      } else if (c == ',') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  /** The node at a dotted path; missing when any step is absent. */
  static JsonNode at(JsonNode document, String dottedKey) {
    JsonNode node = document;
    for (String step : dottedKey.split("\\.")) {
      node = node.path(step);
    }
    return node;
  }
}
