package fwgear.tools.textedit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Locates the target calls of a BUILD file in its text (names, keyword arguments and the string
 * literals in them), for edits that leave everything else as the author wrote it.
 */
public final class BuildFileText {
  /** A string literal: its value (escapes resolved), the span of the literal, its quote. */
  public record StringLiteral(String value, int start, int end, String quote) {}

  /**
   * A call such as {@code docker_image(...)}: its type, its span, and the string literals of its
   * keyword arguments that are a string or a list/tuple of strings, by keyword.
   */
  public record Call(int start, int end, String type, Map<String, List<StringLiteral>> strings) {
    public Call {
      strings = Map.copyOf(strings);
    }

    /** The {@code name} argument when it is a string. */
    public Optional<StringLiteral> name() {
      return strings.getOrDefault("name", List.of()).stream().findFirst();
    }

    /** The strings of {@code image_tags}. */
    public List<StringLiteral> imageTags() {
      return strings.getOrDefault("image_tags", List.of());
    }

    /** Whether a keyword argument is given, whatever its value. */
    public boolean has(String keyword) {
      return strings.containsKey(keyword);
    }
  }

  private enum Kind {
    NAME,
    STRING,
    OP
  }

  private record Token(Kind kind, String text, int start, int end, StringLiteral literal) {}

  private BuildFileText() {}

  /** The top-level calls of a BUILD text; a syntax error is an IllegalArgumentException. */
  public static List<Call> calls(String text) {
    List<Token> tokens = tokenize(text);
    List<Call> calls = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Token token = tokens.get(i);
      if (token.kind() == Kind.NAME
          && i + 1 < tokens.size()
          && tokens.get(i + 1).text().equals("(")) {
        int close = matching(tokens, i + 1);
        calls.add(call(token, tokens.subList(i + 2, close), tokens.get(close).end()));
        i = close + 1;
      } else {
        i++;
      }
    }
    return calls;
  }

  private static Call call(Token type, List<Token> arguments, int end) {
    Map<String, List<StringLiteral>> strings = new LinkedHashMap<>();
    int depth = 0;
    for (int i = 0; i < arguments.size(); i++) {
      Token token = arguments.get(i);
      if (token.kind() == Kind.OP && "([{".contains(token.text())) {
        depth++;
      } else if (token.kind() == Kind.OP && ")]}".contains(token.text())) {
        depth--;
      }
      if (depth != 0
          || token.kind() != Kind.NAME
          || i + 2 >= arguments.size()
          || !arguments.get(i + 1).text().equals("=")) {
        continue;
      }
      Token value = arguments.get(i + 2);
      List<StringLiteral> literals = new ArrayList<>();
      if (value.kind() == Kind.STRING) {
        literals.add(value.literal());
      } else if (value.kind() == Kind.OP && "[(".contains(value.text())) {
        for (int j = i + 3; j < arguments.size() && !"])".contains(arguments.get(j).text()); j++) {
          if (arguments.get(j).kind() == Kind.STRING) {
            literals.add(arguments.get(j).literal());
          }
        }
      }
      strings.put(token.text(), literals);
    }
    return new Call(type.start(), end, type.text(), strings);
  }

  private static int matching(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      String text = tokens.get(i).text();
      if (tokens.get(i).kind() == Kind.OP && "([{".contains(text)) {
        depth++;
      } else if (tokens.get(i).kind() == Kind.OP && ")]}".contains(text)) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException("unclosed '(' at offset " + tokens.get(open).start());
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        Token string = string(text, i);
        tokens.add(string);
        i = string.end();
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < text.length()
            && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        String word = text.substring(start, i);
        // A string prefix such as r"..." belongs to the literal that follows.
        if (i < text.length()
            && (text.charAt(i) == '"' || text.charAt(i) == '\'')
            && word.length() <= 2) {
          Token string = string(text, i);
          tokens.add(
              new Token(
                  Kind.STRING,
                  text.substring(start, string.end()),
                  start,
                  string.end(),
                  string.literal()));
          i = string.end();
        } else {
          tokens.add(new Token(Kind.NAME, word, start, i, null));
        }
      } else {
        tokens.add(new Token(Kind.OP, String.valueOf(c), i, i + 1, null));
        i++;
      }
    }
    return tokens;
  }

  private static Token string(String text, int start) {
    char q = text.charAt(start);
    String quote =
        text.startsWith(String.valueOf(q).repeat(3), start)
            ? String.valueOf(q).repeat(3)
            : String.valueOf(q);
    StringBuilder value = new StringBuilder();
    int i = start + quote.length();
    while (i < text.length()) {
      if (text.startsWith(quote, i)) {
        int end = i + quote.length();
        StringLiteral literal = new StringLiteral(value.toString(), start, end, quote);
        return new Token(Kind.STRING, text.substring(start, end), start, end, literal);
      }
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        value.append(text.charAt(i + 1));
        i += 2;
      } else if (c == '\n' && quote.length() == 1) {
        break;
      } else {
        value.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException("unterminated string at offset " + start);
  }
}
