package fwgear.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** Test fixture repositories (under test/resources/repos), copied to a temp folder to mutate. */
public final class Fixtures {
  public static final Path REPOS = Path.of("test/resources/repos");

  private Fixtures() {}

  /** A copy of fixture repository {@code name} in {@code dir}. */
  public static Path copy(String name, Path dir) {
    Path source = REPOS.resolve(name);
    Path target = dir.resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path destination = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(file, destination);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** Writes a file (creating folders). */
  public static Path write(Path root, String relative, String text) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Replaces text in a file, failing when the text is not there (so a test cannot go stale). */
  public static void replace(Path root, String relative, String from, String to) {
    Path file = root.resolve(relative);
    try {
      String text = Files.readString(file);
      if (!text.contains(from)) {
        throw new AssertionError(relative + " does not contain: " + from);
      }
      Files.writeString(file, text.replace(from, to), StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
