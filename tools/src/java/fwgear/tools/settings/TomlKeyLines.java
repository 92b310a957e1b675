package fwgear.tools.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of each key of a TOML file, by dotted name ({@code docker.builder}), so that a problem
 * with a setting can name its line: Jackson's TOML tree keeps no locations.
 *
 * <p>Reads table headers and {@code key =} lines only, which is all a settings file holds; a key it
 * cannot place is line 0 (unknown).
 */
final class TomlKeyLines {
  private static final Pattern TABLE =
      Pattern.compile("^\\s*\\[+\\s*([^\\]]+?)\\s*\\]+\\s*(#.*)?$");
  private static final Pattern KEY = Pattern.compile("^\\s*([A-Za-z0-9_.\"'-]+?)\\s*=");

  private final Map<String, Integer> lines = new HashMap<>();

  private TomlKeyLines() {}

  static TomlKeyLines of(String text) {
    TomlKeyLines result = new TomlKeyLines();
    String table = "";
    String[] rows = text.split("\\R", -1);
    for (int i = 0; i < rows.length; i++) {
      Matcher header = TABLE.matcher(rows[i]);
      if (header.matches()) {
        table = unquote(header.group(1));
        result.lines.putIfAbsent(table, i + 1);
        continue;
      }
      Matcher key = KEY.matcher(rows[i]);
      if (key.find()) {
        String name = unquote(key.group(1));
        result.lines.putIfAbsent(table.isEmpty() ? name : table + "." + name, i + 1);
      }
    }
    return result;
  }

  /** The line of a dotted key, else of its nearest enclosing table, else 0. */
  int lineOf(String dottedKey) {
    for (String key = dottedKey; !key.isEmpty(); ) {
      Integer line = lines.get(key);
      if (line != null) {
        return line;
      }
      int dot = key.lastIndexOf('.');
      key = dot < 0 ? "" : key.substring(0, dot);
    }
    return 0;
  }

  private static String unquote(String name) {
    return name.replace("\"", "").replace("'", "").replaceAll("\\s*\\.\\s*", ".");
  }
}
