package fwgear.tools.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a gear's code reads from its context, found in its sources (Java and Python under the gear's
 * {@code src/} folder): config and input names, and environment variables.
 *
 * <p>Precise or silent. Java is read with JavaParser and only calls on the gear context count
 * ({@link JavaReads}); Python only in the toolkit's direct forms ({@link PythonReads}). Where the
 * code may read a name some other way (the name passed to a helper, the context handed to code
 * outside the gear, a name computed at run time) the scan is {@linkplain #inconclusive
 * inconclusive} for it, and no "never read" warning is given.
 *
 * @param configReads config names read, each with where it is first read
 * @param inputReads input names read, each with where it is first read
 * @param environmentReads environment variables the code reads
 * @param files every source file scanned, relative to the repository root
 * @param passedToCalls strings passed to calls other than the context's accessors
 * @param inputsInconclusive whether the code may read any input in a way the scan cannot follow
 */
public record SourceScan(
    Map<String, Location> configReads,
    Map<String, Location> inputReads,
    Set<String> environmentReads,
    List<String> files,
    Set<String> passedToCalls,
    boolean inputsInconclusive) {

  /**
   * Whether the code may read a name through a helper, so that the scan cannot tell: the name is a
   * string passed to some other call, or the code reads inputs in ways the scan cannot follow. Such
   * a name is never reported as unread.
   */
  public boolean inconclusive(String name) {
    return inputsInconclusive || passedToCalls.contains(name);
  }

  /** A place in a source file. */
  public record Location(String file, int line) {}

  /** What the scanners found so far (first read of a name wins). */
  static final class Reads {
    private final Map<String, Location> config = new LinkedHashMap<>();
    private final Map<String, Location> inputs = new LinkedHashMap<>();
    private final Set<String> environment = new LinkedHashSet<>();
    private final Set<String> passed = new HashSet<>();
    private boolean inputsInconclusive;

    void config(String name, Location where) {
      config.putIfAbsent(name, where);
    }

    void input(String name, Location where) {
      inputs.putIfAbsent(name, where);
    }

    void environment(String name) {
      environment.add(name);
    }

    void passed(String name) {
      passed.add(name);
    }

    void allInputsInconclusive() {
      inputsInconclusive = true;
    }
  }

  private static final Pattern JAVA_ENV =
      Pattern.compile("System\\s*\\.\\s*getenv\\s*\\(\\s*\"([^\"]+)\"");

  /** Scans the sources under {@code <folder>/src} of the repository at {@code root}. */
  public static SourceScan of(Path root, String folder) {
    return scan(read(root, folder));
  }

  /** The Java and Python sources under {@code <folder>/src}, by path relative to the root. */
  static Map<String, String> read(Path root, String folder) {
    Path src = root.resolve(folder.isEmpty() ? "src" : folder + "/src");
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(src)) {
      try (Stream<Path> walk = Files.walk(src)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".py"))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        texts.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return texts;
  }

  /** Scans source texts by file name (relative paths). */
  public static SourceScan scan(Map<String, String> texts) {
    Reads reads = new Reads();
    JavaReads.scan(texts, reads);
    PythonReads.scan(texts, reads);
    texts.forEach(
        (file, text) -> {
          if (file.endsWith(".java") && text.contains("getenv")) {
            Matcher env = JAVA_ENV.matcher(withoutJavaComments(text));
            while (env.find()) {
              reads.environment(env.group(1));
            }
          }
        });
    return new SourceScan(
        reads.config,
        reads.inputs,
        reads.environment,
        List.copyOf(texts.keySet()),
        reads.passed,
        reads.inputsInconclusive);
  }

  /** Blanks out comments, keeping line breaks so lines stay right. */
  static String withoutJavaComments(String text) {
    if (text.indexOf('/') < 0) {
      return text;
    }
    char[] chars = text.toCharArray();
    int i = 0;
    while (i < chars.length) {
      char c = chars[i];
      if (c == '"' || c == '\'') {
        i = skipLiteral(chars, i, c);
      } else if (c == '/' && i + 1 < chars.length && chars[i + 1] == '/') {
        while (i < chars.length && chars[i] != '\n') {
          chars[i++] = ' ';
        }
      } else if (c == '/' && i + 1 < chars.length && chars[i + 1] == '*') {
        chars[i++] = ' ';
        chars[i++] = ' ';
        while (i < chars.length
            && !(chars[i] == '*' && i + 1 < chars.length && chars[i + 1] == '/')) {
          if (chars[i] != '\n') {
            chars[i] = ' ';
          }
          i++;
        }
        for (int end = Math.min(i + 2, chars.length); i < end; i++) {
          chars[i] = ' ';
        }
      } else {
        i++;
      }
    }
    return new String(chars);
  }

  /** The index after a string or char literal that starts at {@code start}. */
  private static int skipLiteral(char[] chars, int start, char quote) {
    int i = start + 1;
    while (i < chars.length && chars[i] != quote && chars[i] != '\n') {
      i += chars[i] == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, chars.length);
  }

  static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
