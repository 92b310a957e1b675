package fwgear.json;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser's syntax errors in plain words: Jackson's messages name its internals ("close marker
 * for Object", "(code 125)", "[Source: ...]"); a user needs what is wrong and how to write it.
 */
final class SyntaxMessages {
  private SyntaxMessages() {}

  private record Rule(Pattern pattern, String replacement) {}

  private static final String CHAR = "Unexpected character \\('(.+?)' \\(code \\d+\\)\\)";

  private static final List<Rule> RULES =
      List.of(
          rule(
              CHAR + ": was expecting double-quote to start field name.*",
              "expected a key in double quotes, found '$1' (a trailing comma, or a key without"
                  + " quotes?)"),
          rule(
              CHAR + ": was expecting comma to separate Object entries.*",
              "expected ',' or '}' after a value in an object, found '$1'"),
          rule(
              CHAR + ": was expecting comma to separate Array entries.*",
              "expected ',' or ']' after a value in an array, found '$1'"),
          rule(
              CHAR + ": was expecting a colon to separate field name and value.*",
              "expected ':' after a key, found '$1'"),
          rule(
              CHAR + ": expected a valid value.*",
              "expected a value (a string in double quotes, a number, true, false, null, an"
                  + " array or an object), found '$1'"),
          rule(
              CHAR + ": expected close marker for Array.*",
              "expected ']' to close the array, found '$1'"),
          rule(
              CHAR + ": expected close marker for Object.*",
              "expected '}' to close the object, found '$1'"),
          rule(
              "Unrecognized token '(.+?)': was expecting.*",
              "'$1' is not a JSON value (strings need double quotes; true, false and null are"
                  + " lower case)"),
          rule(
              "Unexpected end-of-input: expected close marker for (Object|Array).*",
              "the file ends before an $1 is closed"),
          rule("Unexpected end-of-input.*", "the file ends in the middle of a value"),
          rule(
              "Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
              "a control character (code $1, such as a line break) inside a string must be"
                  + " escaped (\\\\n)"),
          rule(
              "Unrecognized character escape '(.+?)'.*",
              "'\\\\$1' is not an escape JSON knows (use \\\\\\\\ for a backslash)"),
          rule(
              CHAR + ": maybe a \\(non-standard\\) comment\\?.*",
              "JSON has no comments, found '$1'"),
          rule("Unexpected character \\('(.+?)' \\(code \\d+\\)\\): (.*)", "unexpected '$1': $2"));

  private static Rule rule(String pattern, String replacement) {
    return new Rule(Pattern.compile(pattern, Pattern.DOTALL), replacement);
  }

  /** The message in plain words, without Jackson's source and code annotations. */
  static String plain(String message) {
    if (message == null) {
      return "not valid syntax";
    }
    String text = message.strip();
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(text);
      if (matcher.matches()) {
        text = matcher.replaceFirst(rule.replacement());
        break;
      }
    }
    text = text.replaceAll("\\s*\\[Source: [^\\]]*\\]", "");
    text = text.replaceAll(" \\(code \\d+\\)", "");
    text = text.replaceAll("\\s*\\n\\s*", " ");
    return text.replace("(for Object starting at", "(the object starts at")
        .replace("(for Array starting at", "(the array starts at")
        .strip();
  }
}
