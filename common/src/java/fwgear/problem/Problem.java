package fwgear.problem;

import java.util.Objects;

/**
 * One thing wrong with one input file, located well enough for a user to fix it.
 *
 * @param file the file as the user should see it (relative to the repository root where there is
 *     one); never null
 * @param line 1-based line, or 0 when the problem has no line (a missing file, a missing key)
 * @param key the key or field the problem is about (a dotted path such as {@code config.speed}), or
 *     an empty string
 * @param rule a short stable identifier of the rule that was broken, such as {@code config-type}
 * @param severity error or warning
 * @param message what is wrong, in one line, without the file or line
 */
public record Problem(
    String file, int line, String key, String rule, Severity severity, String message) {

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Problem error(String file, int line, String key, String rule, String message) {
    return new Problem(file, line, key, rule, Severity.ERROR, message);
  }

  public static Problem warning(String file, int line, String key, String rule, String message) {
    return new Problem(file, line, key, rule, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The same problem reported against another file name (for example relative to a root). */
  public Problem inFile(String otherFile) {
    return new Problem(otherFile, line, key, rule, severity, message);
  }

  /**
   * {@code file:line: key: rule: message}, such as {@code manifest.json:12: config.port:
   * config-value: expected an integer but got the string "104"}: the line is left out when there is
   * none ({@code 0}), the key when it is empty, and {@code warning:} comes before a warning's
   * message. A message that starts with its own key ({@code key: ...}) does not repeat it.
   */
  public String format() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    String body = message;
    if (!key.isEmpty()) {
      text.append(key).append(": ");
      if (body.startsWith(key + ": ")) {
        body = body.substring(key.length() + 2);
      }
    }
    text.append(rule).append(": ");
    if (severity == Severity.WARNING) {
      text.append("warning: ");
    }
    return text.append(body).toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
