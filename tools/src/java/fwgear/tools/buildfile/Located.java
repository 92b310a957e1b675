package fwgear.tools.buildfile;

/**
 * A field value with where it is written: the BUILD file and the line of the field (the target's
 * line for a value that comes from a default), so a problem about it can point there.
 */
public record Located<T>(T value, String file, int line) {
  /** {@code file:line}, as problems and messages name a place. */
  public String where() {
    return file + ":" + line;
  }
}
