package fwgear.tools.buildfile;

/**
 * A bare name in a BUILD file other than True, False and None, such as the target type in {@code
 * __defaults__({pex_binary: dict(...)})}. Anywhere else it is an error the loader reports.
 */
public record BuildSymbol(String name, int line) {
  @Override
  public String toString() {
    return name;
  }
}
