package fwgear.tools.maven;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a module to a pom's {@code <modules>} as a text edit: one line, indented like its
 * neighbours, before {@code </modules>}; the rest of the file stays byte for byte.
 */
public final class ModuleList {
  private static final Pattern CLOSING = Pattern.compile("(?m)^([ \\t]*)</modules>");
  private static final Pattern MODULE = Pattern.compile("(?m)^([ \\t]*)<module>");

  private ModuleList() {}

  /** The pom text with {@code module} added; fails when the pom has no {@code <modules>}. */
  public static String add(String pomText, String module) {
    Matcher closing = CLOSING.matcher(pomText);
    if (!closing.find()) {
      throw new IllegalArgumentException("the pom has no </modules> on a line of its own");
    }
    String indent = closing.group(1) + "  ";
    Matcher existing = MODULE.matcher(pomText);
    while (existing.find()) {
      indent = existing.group(1);
    }
    String line = indent + "<module>" + module + "</module>\n";
    return pomText.substring(0, closing.start()) + line + pomText.substring(closing.start());
  }
}
