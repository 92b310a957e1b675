package fwgear.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The light path of {@link JsonSchemas} for the directives gears nearly always have: a type, a
 * description, a default, and a few of {@code enum}, {@code pattern}, {@code minLength}, {@code
 * minimum}, {@code items}... Setting up the JSON Schema library costs about 100 ms of a gear's
 * start (its registry and dialect, then the draft-04 meta-schema), several times what the rest of
 * the start costs, for directives whose checks take microseconds by hand.
 *
 * <p>This class only ever answers "certainly valid" ({@link #isSimple}: the directive is a valid
 * draft-04 schema) or "certainly satisfied" ({@link #satisfies}); for anything else (a keyword
 * outside the subset, a value it cannot judge exactly as ECMA-262 and the library would, a value
 * that breaks the directive) the caller asks the library, so every problem is found and worded by
 * the library exactly as without this path. {@code SimpleSchemasTest} checks both answers against
 * the library.
 */
final class SimpleSchemas {
  /**
   * Keywords that only annotate (no meta-schema rule here beyond what {@link #isSimple} checks).
   */
  private static final Set<String> ANNOTATIONS = Set.of("description", "title", "default");

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private SimpleSchemas() {}

  /**
   * Whether {@code schema} is an object of the subset's keywords, each well formed: then it is a
   * valid draft-04 schema, and {@link #satisfies} can judge values against it.
   */
  static boolean isSimple(JsonNode schema) {
    if (!schema.isObject()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!simpleKeyword(schema, field.getKey(), field.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean simpleKeyword(JsonNode schema, String keyword, JsonNode value) {
    return switch (keyword) {
      case "default" -> true;
      case "optional" -> true; // the gear spec's own keyword; the validator checks it apart
      case "description", "title" -> value.isTextual();
      case "type" -> simpleType(value);
      case "enum" -> simpleEnum(value);
      case "pattern" -> value.isTextual() && simplePattern(value.asText());
      case "minLength", "maxLength", "minItems", "maxItems" ->
          (value.isInt() || value.isLong()) && value.longValue() >= 0;
      case "minimum", "maximum" -> value.isInt() || value.isLong();
      case "exclusiveMinimum" -> value.isBoolean() && schema.has("minimum");
      case "exclusiveMaximum" -> value.isBoolean() && schema.has("maximum");
      case "uniqueItems" -> value.isBoolean();
      case "items" -> isSimple(value);
      default -> false;
    };
  }

  private static boolean simpleType(JsonNode type) {
    if (type.isTextual()) {
      return JsonSchemas.TYPES.contains(type.asText());
    }
    if (!type.isArray() || type.isEmpty()) {
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode name : type) {
      if (!name.isTextual()
          || !JsonSchemas.TYPES.contains(name.asText())
          || !seen.add(name.asText())) {
        return false;
      }
    }
    return true;
  }

  /** A non-empty enum of distinct strings and booleans (whose equality leaves no doubt). */
  private static boolean simpleEnum(JsonNode values) {
    if (!values.isArray() || values.isEmpty()) {
      return false;
    }
    Set<JsonNode> seen = new HashSet<>();
    for (JsonNode value : values) {
      if (!(value.isTextual() || value.isBoolean()) || !seen.add(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code value} satisfies the simple {@code schema}: true only when it certainly does;
   * false when it does not or when this class cannot tell (the library then decides).
   */
  static boolean satisfies(JsonNode schema, JsonNode value) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!ANNOTATIONS.contains(field.getKey())
          && !satisfiesKeyword(schema, field.getKey(), field.getValue(), value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean satisfiesKeyword(
      JsonNode schema, String keyword, JsonNode rule, JsonNode value) {
    return switch (keyword) {
      case "optional" -> true;
      case "type" -> hasType(rule, value);
      case "enum" -> contains(rule, value);
      case "pattern" -> !value.isTextual() || matches(rule.asText(), value.asText());
      case "minLength" -> !value.isTextual() || length(value.asText()) >= rule.longValue();
      case "maxLength" -> !value.isTextual() || within(length(value.asText()), rule.longValue());
      case "minimum" ->
          !value.isNumber()
              || (value.isIntegralNumber()
                  && compare(value, rule, schema.path("exclusiveMinimum").asBoolean(false)) > 0);
      case "maximum" ->
          !value.isNumber()
              || (value.isIntegralNumber()
                  && compare(rule, value, schema.path("exclusiveMaximum").asBoolean(false)) > 0);
      case "exclusiveMinimum", "exclusiveMaximum" -> true; // read with minimum and maximum
      case "minItems" -> !value.isArray() || value.size() >= rule.longValue();
      case "maxItems" -> !value.isArray() || value.size() <= rule.longValue();
      case "uniqueItems" -> !value.isArray() || !rule.asBoolean() || value.size() <= 1;
      case "items" -> !value.isArray() || allSatisfy(rule, value);
      default -> false;
    };
  }

  /** Draft-04 types; {@code integer} only for integral numbers (1.0 is left to the library). */
  private static boolean hasType(JsonNode type, JsonNode value) {
    if (type.isTextual()) {
      return JsonSchemas.hasType(type.asText(), value);
    }
    for (JsonNode name : type) {
      if (JsonSchemas.hasType(name.asText(), value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode allowed : values) {
      if (allowed.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allSatisfy(JsonNode items, JsonNode array) {
    for (JsonNode item : array) {
      if (!satisfies(items, item)) {
        return false;
      }
    }
    return true;
  }

  /** {@code a - b} as a sign, minus one more step when the bound is exclusive (a must exceed b). */
  private static int compare(JsonNode a, JsonNode b, boolean exclusive) {
    int sign = a.bigIntegerValue().compareTo(b.bigIntegerValue());
    return exclusive ? sign : sign + 1;
  }

  private static boolean within(long length, long max) {
    return length >= 0 && length <= max;
  }

  /** The length in code points; -1 (undecided) for text with surrogates, left to the library. */
  private static long length(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return -1;
      }
    }
    return text.length();
  }

  /**
   * ECMA-262 search semantics, decided with java.util.regex where the two agree: a pattern of the
   * subset {@link #simplePattern} accepts, on printable ASCII text without line breaks (so that
   * {@code \s}, {@code \w}, {@code .} and {@code $} mean the same in both).
   */
  private static boolean matches(String pattern, String text) {
    return readAlike(text)
        && PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(text).find();
  }

  /**
   * Whether a {@link #simplePattern} matches {@code text} the same in ECMA-262 and in
   * java.util.regex: printable ASCII without line breaks.
   */
  static boolean readAlike(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  // ---- the regular expressions ECMA-262 and java.util.regex read alike

  private static final String SYNTAX = "^$\\.*+?()[]{}|";
  private static final String ESCAPABLE = SYNTAX + "/-";
  private static final String CLASS_ESCAPES = "dDwWsS";

  /**
   * Whether {@code pattern} is in a subset of regular expressions that is valid ECMA-262 and that
   * java.util.regex reads the same way: literals, {@code .}, {@code ^}, {@code $}, {@code \d \w \s}
   * and their negations, escaped syntax characters, bracket classes of literals, ranges and those
   * escapes, groups ({@code (...)}, {@code (?:...)}), alternatives, and the quantifiers {@code * +
   * ? {n} {n,} {n,m}}, greedy or lazy. Left out: whatever the two read differently ({@code [} or
   * {@code &&} in a class, a lone {@code {}, lookarounds, back references, flags...).
   */
  static boolean simplePattern(String pattern) {
    return new PatternReader(pattern).valid();
  }

  /** A recursive-descent reader of the subset; {@link #valid} is true when all of it was read. */
  private static final class PatternReader {
    private final String p;
    private int i;

    PatternReader(String pattern) {
      this.p = pattern;
    }

    boolean valid() {
      return disjunction(0) && i == p.length();
    }

    private boolean disjunction(int depth) {
      if (depth > 20) {
        return false;
      }
      while (true) {
        while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
          if (!term(depth)) {
            return false;
          }
        }
        if (i < p.length() && p.charAt(i) == '|') {
          i++;
        } else {
          return true;
        }
      }
    }

    private boolean term(int depth) {
      char c = p.charAt(i);
      if (c == '^' || c == '$') {
        i++;
        return true;
      }
      if (!atom(depth)) {
        return false;
      }
      return quantifier();
    }

    private boolean atom(int depth) {
      char c = p.charAt(i);
      if (c == '.') {
        i++;
        return true;
      }
      if (c == '\\') {
        return escape(false);
      }
      if (c == '[') {
        return bracketClass();
      }
      if (c == '(') {
        i++;
        if (p.startsWith("?:", i)) {
          i += 2;
        } else if (i < p.length() && p.charAt(i) == '?') {
          return false;
        }
        if (!disjunction(depth + 1) || i >= p.length() || p.charAt(i) != ')') {
          return false;
        }
        i++;
        return true;
      }
      if (SYNTAX.indexOf(c) >= 0 || Character.isSurrogate(c) || c < 0x20) {
        return false;
      }
      i++;
      return true;
    }

    /** A backslash escape; in a class, only the class escapes and escaped characters. */
    private boolean escape(boolean inClass) {
      if (i + 1 >= p.length()) {
        return false;
      }
      char c = p.charAt(i + 1);
      if (CLASS_ESCAPES.indexOf(c) >= 0 || ESCAPABLE.indexOf(c) >= 0) {
        i += 2;
        return true;
      }
      return false;
    }

    private boolean quantifier() {
      if (i >= p.length()) {
        return true;
      }
      char c = p.charAt(i);
      if (c == '*' || c == '+' || c == '?') {
        i++;
      } else if (c == '{') {
        int close = p.indexOf('}', i);
        if (close < 0 || !bounds(p.substring(i + 1, close))) {
          return false;
        }
        i = close + 1;
      } else {
        return true;
      }
      if (i < p.length() && p.charAt(i) == '?') {
        i++; // lazy
      }
      // A second quantifier (possessive in Java, an error in ECMA-262) is not in the subset.
      return i >= p.length() || "*+?{".indexOf(p.charAt(i)) < 0;
    }

    private static boolean bounds(String text) {
      int comma = text.indexOf(',');
      String low = comma < 0 ? text : text.substring(0, comma);
      String high = comma < 0 ? low : text.substring(comma + 1);
      if (!digits(low) || !(high.isEmpty() && comma >= 0 || digits(high))) {
        return false;
      }
      return high.isEmpty() || Integer.parseInt(low) <= Integer.parseInt(high);
    }

    private static boolean digits(String text) {
      return !text.isEmpty() && text.length() <= 4 && text.chars().allMatch(Character::isDigit);
    }

    private boolean bracketClass() {
      i++; // [
      if (i < p.length() && p.charAt(i) == '^') {
        i++;
      }
      int first = i;
      while (i < p.length() && p.charAt(i) != ']') {
        char c = p.charAt(i);
        if (c == '\\') {
          boolean classEscape = i + 1 < p.length() && CLASS_ESCAPES.indexOf(p.charAt(i + 1)) >= 0;
          if (!escape(true)) {
            return false;
          }
          if (classEscape
              && i < p.length()
              && p.charAt(i) == '-'
              && i + 1 < p.length()
              && p.charAt(i + 1) != ']') {
            return false; // a range from \d: an error in ECMA-262 (unicode mode), odd in both
          }
          continue;
        }
        if (c == '-') {
          // A literal hyphen only first or last: elsewhere it would make a range.
          if (i != first && !(i + 1 < p.length() && p.charAt(i + 1) == ']')) {
            return false;
          }
          i++;
          continue;
        }
        if (!classLiteral(c)) {
          return false;
        }
        if (i + 2 < p.length() && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
          char high = p.charAt(i + 2);
          if (!classLiteral(high) || high < c) {
            return false;
          }
          i += 3;
        } else {
          i++;
        }
      }
      if (i >= p.length() || i == first) {
        return false; // unclosed, or [] (nothing in ECMA-262, an error in Java)
      }
      i++; // ]
      return true;
    }

    private static boolean classLiteral(char c) {
      return c >= 0x20 && !Character.isSurrogate(c) && "[]\\&^-".indexOf(c) < 0;
    }
  }
}
