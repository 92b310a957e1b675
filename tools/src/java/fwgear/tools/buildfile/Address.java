package fwgear.tools.buildfile;

import fwgear.tools.UsageException;

/**
 * The address of a target, as in Pants: the BUILD file's folder relative to the repository root
 * ({@code ""} for the root) and the target's name. Written {@code dir:name}, shortened to {@code
 * dir} when the name is the folder's name, and {@code //:name} at the root.
 */
public record Address(String directory, String name) implements Comparable<Address> {

  public Address {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an address needs a name");
    }
  }

  /**
   * Parses an address as written in a BUILD file or on the command line: {@code dir:name}, {@code
   * dir} (name = last folder), {@code :name} (in {@code relativeTo}), {@code //:name}, {@code
   * //dir:name}, {@code ./sub:name}.
   *
   * @throws UsageException when the text is not an address
   */
  public static Address parse(String text, String relativeTo) {
    String spec = text.strip();
    if (spec.isEmpty()) {
      throw new UsageException("empty address");
    }
    int colon = spec.lastIndexOf(':');
    String dir = colon < 0 ? spec : spec.substring(0, colon);
    String name = colon < 0 ? null : spec.substring(colon + 1);
    if (name != null && name.isEmpty()) {
      throw new UsageException("address '" + text + "' has an empty target name");
    }
    if (name != null && (name.contains("/") || name.contains(":"))) {
      throw new UsageException("address '" + text + "' has a bad target name '" + name + "'");
    }
    String directory;
    if (dir.startsWith("//")) {
      directory = dir.substring(2);
    } else if (dir.isEmpty()) {
      directory = relativeTo;
    } else if (dir.equals(".") || dir.startsWith("./") || dir.startsWith("../")) {
      directory = normalize(relativeTo.isEmpty() ? dir : relativeTo + "/" + dir, text);
    } else {
      directory = dir;
    }
    directory = trimSlashes(directory);
    if (name == null) {
      if (directory.isEmpty()) {
        throw new UsageException("address '" + text + "' names no target (write //:name)");
      }
      name = lastSegment(directory);
    }
    return new Address(directory, name);
  }

  private static String normalize(String path, String text) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new UsageException("address '" + text + "' points outside the repository");
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  static String trimSlashes(String path) {
    String trimmed = path;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    return trimmed;
  }

  static String lastSegment(String directory) {
    return directory.substring(directory.lastIndexOf('/') + 1);
  }

  /** The folder's last segment ({@code {directory}} in repository templates); "" at the root. */
  public String directoryName() {
    return directory.isEmpty() ? "" : lastSegment(directory);
  }

  /** The parent folder's last segment ({@code {parent_directory}}); "" when there is none. */
  public String parentDirectoryName() {
    int slash = directory.lastIndexOf('/');
    return slash < 0 ? "" : lastSegment(directory.substring(0, slash));
  }

  /** Whether this address lies in {@code dir} or a folder below it. */
  public boolean isUnder(String dir) {
    return dir.isEmpty() || directory.equals(dir) || directory.startsWith(dir + "/");
  }

  /** The full form {@code dir:name} ({@code //:name} at the root). */
  public String spec() {
    return (directory.isEmpty() ? "//" : directory) + ":" + name;
  }

  @Override
  public String toString() {
    if (!directory.isEmpty() && name.equals(lastSegment(directory))) {
      return directory;
    }
    return spec();
  }

  @Override
  public int compareTo(Address other) {
    int byDirectory = directory.compareTo(other.directory);
    return byDirectory != 0 ? byDirectory : name.compareTo(other.name);
  }
}
