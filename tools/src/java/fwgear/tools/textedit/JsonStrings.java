package fwgear.tools.textedit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where the string values of a JSON text are, so a value can be replaced without
 * re-serialising the document (its indentation, key order and spacing stay as they are).
 */
public final class JsonStrings {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** A string value: its decoded text and the span of its literal, quotes included. */
  public record Located(String value, int start, int end) {}

  private final Map<String, Located> byPointer;

  private JsonStrings(Map<String, Located> byPointer) {
    this.byPointer = byPointer;
  }

  /** Reads a JSON text; a syntax error is an {@link IOException} with Jackson's location. */
  public static JsonStrings of(String text) throws IOException {
    Map<String, Located> found = new LinkedHashMap<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING) {
          String pointer = parser.getParsingContext().pathAsPointer().toString();
          int start = (int) parser.currentTokenLocation().getCharOffset();
          found.put(pointer, new Located(parser.getText(), start, literalEnd(text, start)));
        }
      }
    }
    return new JsonStrings(found);
  }

  /** The string at a JSON pointer such as {@code /custom/gear-builder/image}. */
  public Optional<Located> at(String pointer) {
    return Optional.ofNullable(byPointer.get(pointer));
  }

  /** A JSON string literal for a value. */
  public static String quote(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static int literalEnd(String text, int start) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    throw new IllegalStateException("unterminated string at offset " + start);
  }
}
