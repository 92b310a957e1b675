package fwgear.tools.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config and input names a gear's Python code reads, in the toolkit's direct forms only ({@code
 * flywheel_gear_toolkit} and {@code fw_gear}): {@code context.get_input("x")}, {@code
 * get_input_path}, {@code get_input_filename}, {@code get_input_file_object(_value)}, {@code
 * open_input}, {@code get_context_value} (also on {@code context.config}), {@code
 * context.config["x"]}, {@code .config.get("x")}, {@code .config.opts.get("x")}, {@code
 * .opts["x"]}, and {@code options.get("x")} after {@code options = context.config.opts}. Comments
 * and triple-quoted strings (docstrings) are left out.
 *
 * <p>Precise or silent: a string passed to any other call ({@code read_input_file(context,
 * "input_file")}, {@code InputFileWrapper.create(input_name='input_file', context=context)}) makes
 * that name inconclusive; an input accessor given something that is neither a string nor a
 * module-level string constant makes every input inconclusive.
 */
final class PythonReads {
  private static final Pattern INPUT =
      Pattern.compile(
          "\\.\\s*(?:get_input[a-z_]*|open_input|get_context_value)\\s*\\(\\s*([^,)\\s]+)");
  private static final Pattern CONFIG =
      Pattern.compile(
          "\\.\\s*(?:config|opts)\\s*(?:\\.\\s*get\\s*\\(|\\[)\\s*[\"']([^\"'\\n]+)[\"']");

  /** {@code options = context.config.opts}: a local name for the config (NACC's gears use it). */
  private static final Pattern CONFIG_ALIAS =
      Pattern.compile(
          "(?m)^[ \\t]*([A-Za-z_][A-Za-z0-9_]*)[ \\t]*=[ \\t]*[A-Za-z_][A-Za-z0-9_.]*"
              + "\\.(?:config\\.opts|config|opts)[ \\t]*$");

  private static final Pattern STRING = Pattern.compile("[\"']([^\"'\\n]+)[\"']");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
  private static final Pattern CONSTANT =
      Pattern.compile(
          "(?m)^([A-Z][A-Z0-9_]*)\\s*(?::\\s*str\\s*)?=\\s*[\"']([^\"'\\n]+)[\"']\\s*$");

  /** A string passed to a call, positionally or by keyword: {@code f(c, "x")}, {@code f(n='x')}. */
  private static final Pattern CALL_ARGUMENT =
      Pattern.compile(
          "[(,]\\s*(?:[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*)?[\"']([A-Za-z0-9_][A-Za-z0-9_.-]*)[\"']\\s*[,)]");

  private static final Pattern ENV =
      Pattern.compile(
          "os\\s*\\.\\s*(?:environ\\s*(?:\\.\\s*get\\s*\\(|\\[)|getenv\\s*\\()\\s*[\"']([^\"']+)[\"']");

  private PythonReads() {}

  /** Adds what the Python files among {@code texts} read to {@code reads}. */
  static void scan(Map<String, String> texts, SourceScan.Reads reads) {
    Map<String, String> code = new HashMap<>();
    Map<String, String> constants = new HashMap<>();
    texts.forEach(
        (file, text) -> {
          if (file.endsWith(".py")) {
            String stripped = withoutCommentsAndDocstrings(text);
            code.put(file, stripped);
            Matcher constant = CONSTANT.matcher(stripped);
            while (constant.find()) {
              constants.putIfAbsent(constant.group(1), constant.group(2));
            }
          }
        });
    code.forEach(
        (file, text) -> {
          Matcher input = INPUT.matcher(text);
          while (input.find()) {
            String argument = input.group(1);
            Matcher literal = STRING.matcher(argument);
            String name =
                literal.matches()
                    ? literal.group(1)
                    : IDENTIFIER.matcher(argument).matches()
                        ? constants.get(argument.substring(argument.lastIndexOf('.') + 1))
                        : null;
            if (name == null) {
              reads.allInputsInconclusive(); // get_input_path(name): any input may be read
            } else {
              reads.input(name, where(file, text, input.start()));
            }
          }
          Matcher config = CONFIG.matcher(text);
          while (config.find()) {
            reads.config(config.group(1), where(file, text, config.start()));
          }
          Matcher alias = CONFIG_ALIAS.matcher(text);
          while (alias.find()) {
            Matcher read =
                Pattern.compile(
                        "\\b"
                            + alias.group(1)
                            + "\\s*(?:\\.\\s*get\\s*\\(|\\[)\\s*[\"']([^\"'\\n]+)[\"']")
                    .matcher(text);
            while (read.find()) {
              reads.config(read.group(1), where(file, text, read.start()));
            }
          }
          Matcher argument = CALL_ARGUMENT.matcher(text);
          while (argument.find()) {
            reads.passed(argument.group(1));
          }
          Matcher env = ENV.matcher(text);
          while (env.find()) {
            reads.environment(env.group(1));
          }
        });
  }

  private static SourceScan.Location where(String file, String text, int offset) {
    return new SourceScan.Location(file, SourceScan.lineAt(text, offset));
  }

  /** Blanks out {@code #} comments and triple-quoted strings, keeping line breaks. */
  static String withoutCommentsAndDocstrings(String text) {
    char[] chars = text.toCharArray();
    int i = 0;
    while (i < chars.length) {
      char c = chars[i];
      if ((c == '"' || c == '\'') && startsWith(chars, i, c, 3)) {
        int end = i + 3;
        while (end < chars.length && !startsWith(chars, end, c, 3)) {
          end += chars[end] == '\\' ? 2 : 1;
        }
        end = Math.min(end + 3, chars.length);
        for (; i < end; i++) {
          if (chars[i] != '\n') {
            chars[i] = ' ';
          }
        }
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < chars.length && chars[i] != c && chars[i] != '\n') {
          i += chars[i] == '\\' ? 2 : 1;
        }
        i++;
      } else if (c == '#') {
        while (i < chars.length && chars[i] != '\n') {
          chars[i++] = ' ';
        }
      } else {
        i++;
      }
    }
    return new String(chars);
  }

  private static boolean startsWith(char[] chars, int at, char quote, int count) {
    if (at + count > chars.length) {
      return false;
    }
    for (int k = 0; k < count; k++) {
      if (chars[at + k] != quote) {
        return false;
      }
    }
    return true;
  }
}
