package fwgear.tools.buildfile;

import fwgear.tools.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Target selection on the command line, as in Pants: {@code ::} (everything), {@code dir::} (a
 * folder and all below it), {@code dir}, {@code dir:} or {@code :} (the targets of one folder),
 * {@code dir:name} / {@code :name} / {@code //:name} (one target); a leading {@code -} excludes
 * what follows.
 */
public record Specs(List<Spec> includes, List<Spec> excludes) {

  /** Everything: {@code ::}. */
  public static final Specs ALL = parse(List.of("::"));

  public Specs {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  /** One parsed spec; {@link #text} is what the user wrote. */
  public sealed interface Spec {
    String text();

    boolean matches(Address address);
  }

  /** {@code dir::} or {@code ::}: a folder and everything below it. */
  public record Recursive(String text, String directory) implements Spec {
    @Override
    public boolean matches(Address address) {
      return address.isUnder(directory);
    }
  }

  /** {@code dir} or {@code :}: the targets of one folder. */
  public record Directory(String text, String directory) implements Spec {
    @Override
    public boolean matches(Address address) {
      return address.directory().equals(directory);
    }
  }

  /** {@code dir:name}: one target. */
  public record Single(String text, Address address) implements Spec {
    @Override
    public boolean matches(Address other) {
      return address.equals(other);
    }
  }

  /** Parses command-line specs; none at all means {@code ::}. */
  public static Specs parse(List<String> args) {
    List<Spec> includes = new ArrayList<>();
    List<Spec> excludes = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--")) {
        throw new UsageException(
            "unknown option " + arg + " (an exclusion is -dir:: with one '-')");
      }
      if (arg.startsWith("-") && arg.length() > 1) {
        excludes.add(spec(arg.substring(1)));
      } else {
        includes.add(spec(arg));
      }
    }
    if (includes.isEmpty()) {
      includes.add(new Recursive("::", ""));
    }
    return new Specs(includes, excludes);
  }

  static Spec spec(String raw) {
    String text = raw.strip();
    if (text.isEmpty()) {
      throw new UsageException("empty target spec");
    }
    String path = text.startsWith("//") ? text.substring(2) : text;
    if (path.startsWith("./")) {
      path = path.substring(2);
    }
    if (path.endsWith("::")) {
      String dir = Address.trimSlashes(path.substring(0, path.length() - 2));
      return new Recursive(text, dir);
    }
    if (path.endsWith(":")) {
      return new Directory(text, Address.trimSlashes(path.substring(0, path.length() - 1)));
    }
    if (path.contains(":")) {
      return new Single(text, Address.parse(text, ""));
    }
    return new Directory(text, Address.trimSlashes(path));
  }

  public boolean matches(Address address) {
    return includes.stream().anyMatch(s -> s.matches(address))
        && excludes.stream().noneMatch(s -> s.matches(address));
  }
}
