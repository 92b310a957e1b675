package fwgear.tools.release;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gear's CHANGELOG.md as text: {@link #release} moves the entries under "## Unreleased" to a new
 * "## version - date" section, keeping an empty "Unreleased" section above it for what comes next.
 */
public final class Changelog {
  private static final Pattern UNRELEASED =
      Pattern.compile("(?mi)^##[ \\t]+\\[?unreleased]?[ \\t]*\\r?$");
  private static final Pattern SECTION = Pattern.compile("(?m)^##[ \\t]");

  /** The new text, and whether there were entries to move. */
  public record Release(String text, boolean hadEntries, boolean hadUnreleased) {}

  private Changelog() {}

  public static Release release(String text, String version, LocalDate date) {
    String heading = "## " + version + " - " + date;
    Matcher unreleased = UNRELEASED.matcher(text);
    if (!unreleased.find()) {
      // No "Unreleased" section: start one and the version's, above the first version.
      Matcher first = SECTION.matcher(text);
      int at = first.find() ? first.start() : text.length();
      String prefix =
          at > 0 && !text.substring(0, at).endsWith("\n\n")
              ? (text.substring(0, at).endsWith("\n") ? "\n" : "\n\n")
              : "";
      String insert = prefix + "## Unreleased\n\n" + heading + "\n\n";
      return new Release(text.substring(0, at) + insert + text.substring(at), false, false);
    }
    int bodyStart = unreleased.end();
    Matcher next = SECTION.matcher(text);
    int bodyEnd = next.find(bodyStart) ? next.start() : text.length();
    boolean hadEntries = !text.substring(bodyStart, bodyEnd).isBlank();
    String insert = "\n\n" + heading;
    return new Release(
        text.substring(0, bodyStart) + insert + text.substring(bodyStart), hadEntries, true);
  }
}
