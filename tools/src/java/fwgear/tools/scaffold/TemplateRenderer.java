package fwgear.tools.scaffold;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{ variable }}} placeholders. A value is escaped for the string literals of the file
 * it lands in (JSON, Java, BUILD, XML), so a description with quotes keeps the file valid. Every
 * unknown placeholder of a template is reported at once, with its line.
 */
public final class TemplateRenderer {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private final Map<String, String> variables;

  public TemplateRenderer(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** A path with its placeholders filled, unescaped (path values are checked identifiers). */
  public String renderPath(String templatePath, String displayName) {
    return render(templatePath, displayName, Escape.NONE);
  }

  /** A file's text, escaped for the type of {@code targetFileName}. */
  public String renderFile(String text, String displayName, String targetFileName) {
    return render(text, displayName, Escape.forFile(targetFileName));
  }

  private String render(String text, String displayName, Escape escape) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder result = new StringBuilder();
    List<Problem> problems = new ArrayList<>();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = variables.get(name);
      if (value == null) {
        problems.add(
            Problem.error(
                displayName,
                lineAt(text, matcher.start()),
                name,
                "template-placeholder",
                "unknown placeholder {{"
                    + name
                    + "}}; known: "
                    + String.join(", ", variables.keySet())));
        value = "";
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(escape.apply(value)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** How a value is escaped: by the language of the file it is written into. */
  enum Escape {
    NONE,
    /** JSON, Java and BUILD (Python) double-quoted strings share these escapes. */
    STRING_LITERAL,
    XML;

    static Escape forFile(String fileName) {
      if (fileName.endsWith(".json") || fileName.endsWith(".java") || fileName.equals("BUILD")) {
        return STRING_LITERAL;
      }
      return fileName.endsWith(".xml") ? XML : NONE;
    }

    String apply(String value) {
      return switch (this) {
        case NONE -> value;
        case STRING_LITERAL -> value.replace("\\", "\\\\").replace("\"", "\\\"");
        case XML ->
            value
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
      };
    }
  }
}
