package fwgear.flywheel;

/**
 * Builds Flywheel filter conditions. Conditions are joined by commas, so a comma inside a value is
 * escaped as {@code \,}.
 */
public final class Filters {
  private Filters() {}

  public static String eq(String key, String value) {
    return key + "=" + escape(value);
  }

  public static String notEq(String key, String value) {
    return key + "!=" + escape(value);
  }

  /** A regular-expression match ({@code =~}). */
  public static String matches(String key, String regex) {
    return key + "=~" + escape(regex);
  }

  public static String escape(String value) {
    return value.replace(",", "\\,");
  }
}
