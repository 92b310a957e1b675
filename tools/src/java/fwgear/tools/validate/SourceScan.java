package fwgear.tools.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a gear's code reads from its context, found by reading its sources (Java and Python under
 * the gear's {@code src/} folder): config and input names given as string literals (or as string
 * constants declared in the same sources) to the context's accessors, and environment variables.
 *
 * <p>Only direct forms count (precise or silent). Java accessors are {@link
 * fwgear.context.GearContext}'s: {@code config}, {@code configValue}, {@code requireConfig}, {@code
 * flag} (config values; {@code config(Record.class)} reads the record's components in snake_case),
 * {@code input}, {@code inputFile}, {@code inputPath}, {@code inputFilename}, {@code openInput},
 * {@code contextValue} (inputs), called with the name as first argument. Python accessors are the
 * toolkit's: {@code get_input*}, {@code open_input}, {@code config.get(...)}, {@code config[...]},
 * {@code opts.get(...)}. A name passed to any other call ({@code read_csv(context, "x")}) makes the
 * scan inconclusive for it ({@link #inconclusive}).
 *
 * @param configReads config names read, each with where it is first read
 * @param inputReads input names read, each with where it is first read
 * @param environmentReads environment variables the code reads
 * @param files every source file scanned, relative to the repository root
 */
public record SourceScan(
    Map<String, Location> configReads,
    Map<String, Location> inputReads,
    Set<String> environmentReads,
    List<String> files,
    Set<String> passedToCalls) {

  /**
   * Whether the code may read a name through a helper: the name is a string passed to some other
   * call, so the scan cannot tell. Such a name is never reported as unread.
   */
  public boolean inconclusive(String name) {
    return passedToCalls.contains(name);
  }

  /** A place in a source file. */
  public record Location(String file, int line) {}

  private static final String NAME = "(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([A-Za-z_][A-Za-z0-9_.]*))";
  private static final Pattern JAVA_CONFIG =
      Pattern.compile("\\.\\s*(config|configValue|requireConfig|flag)\\s*\\(\\s*" + NAME);
  private static final Pattern JAVA_CONFIG_RECORD =
      Pattern.compile("\\.\\s*config\\s*\\(\\s*([A-Z][A-Za-z0-9_]*)\\.class\\s*\\)");
  private static final Pattern JSON_PROPERTY =
      Pattern.compile("@JsonProperty\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"");
  private static final Pattern JAVA_INPUT =
      Pattern.compile(
          "\\.\\s*(input|inputFile|inputPath|inputFilename|openInput|contextValue)\\s*\\(\\s*"
              + NAME);

  /** A string literal passed to a call: {@code helper(context, "name")}, {@code f("name")}. */
  private static final Pattern CALL_ARGUMENT =
      Pattern.compile("[(,]\\s*[\"']([A-Za-z0-9_][A-Za-z0-9_.-]*)[\"']\\s*[,)]");

  private static final Pattern JAVA_CONSTANT =
      Pattern.compile(
          "static\\s+final\\s+String\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*;");
  private static final Pattern JAVA_ENV =
      Pattern.compile("System\\s*\\.\\s*getenv\\s*\\(\\s*\"([^\"]+)\"");

  private static final String PY_NAME = "[\"']([^\"']+)[\"']";
  private static final Pattern PY_INPUT =
      Pattern.compile(
          "\\.\\s*(get_input[a-z_]*|open_input|get_context_value)\\s*\\(\\s*" + PY_NAME);
  private static final Pattern PY_CONFIG =
      Pattern.compile("\\.\\s*(?:config|opts)\\s*(?:\\.\\s*get\\s*\\(|\\[)\\s*" + PY_NAME);
  private static final Pattern PY_ENV =
      Pattern.compile(
          "os\\s*\\.\\s*(?:environ\\s*(?:\\.\\s*get\\s*\\(|\\[)|getenv\\s*\\()\\s*" + PY_NAME);

  /** Method names that look like accessors but take no config or input name. */
  private static final Set<String> NOT_ACCESSORS =
      Set.of("configure", "logConfig", "configClass", "inputs", "inputStream", "getInputStream");

  /** Scans the sources under {@code <folder>/src} of the repository at {@code root}. */
  public static SourceScan of(Path root, String folder) {
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
    return scan(texts);
  }

  /** Scans source texts by file name (relative paths). */
  public static SourceScan scan(Map<String, String> texts) {
    Map<String, String> constants = new HashMap<>();
    texts.forEach(
        (file, text) -> {
          if (file.endsWith(".java")) {
            Matcher matcher = JAVA_CONSTANT.matcher(text);
            while (matcher.find()) {
              constants.put(matcher.group(1), matcher.group(2));
            }
          }
        });
    Map<String, Location> config = new LinkedHashMap<>();
    Map<String, Location> inputs = new LinkedHashMap<>();
    Set<String> environment = new LinkedHashSet<>();
    Set<String> passed = new java.util.HashSet<>();
    texts.forEach(
        (file, text) -> {
          boolean java = file.endsWith(".java");
          if (java && !mayReadContext(text)) {
            return;
          }
          String code = java ? withoutJavaComments(text) : text;
          Matcher argument = CALL_ARGUMENT.matcher(code);
          while (argument.find()) {
            passed.add(argument.group(1));
          }
          if (java) {
            collect(JAVA_CONFIG, code, file, constants, config);
            collectRecords(code, file, texts, config);
            collect(JAVA_INPUT, code, file, constants, inputs);
            Matcher env = JAVA_ENV.matcher(code);
            while (env.find()) {
              environment.add(env.group(1));
            }
          } else {
            collectPython(PY_CONFIG, code, file, config);
            collectPython(PY_INPUT, code, file, inputs);
            Matcher env = PY_ENV.matcher(code);
            while (env.find()) {
              environment.add(env.group(1));
            }
          }
        });
    return new SourceScan(config, inputs, environment, List.copyOf(texts.keySet()), passed);
  }

  private static void collect(
      Pattern pattern,
      String code,
      String file,
      Map<String, String> constants,
      Map<String, Location> into) {
    Matcher matcher = pattern.matcher(code);
    while (matcher.find()) {
      if (NOT_ACCESSORS.contains(matcher.group(1))) {
        continue;
      }
      String name = matcher.group(2);
      if (name == null) {
        String identifier = matcher.group(3);
        name = constants.get(identifier.substring(identifier.lastIndexOf('.') + 1));
      }
      if (name != null) {
        into.putIfAbsent(name, new Location(file, lineAt(code, matcher.start())));
      }
    }
  }

  /**
   * {@code context.config(ProjectConfig.class)} reads every component of the record: snake_case of
   * its name ({@code adminGroup} is {@code admin_group}) unless {@code @JsonProperty} names it.
   */
  private static void collectRecords(
      String code, String file, Map<String, String> texts, Map<String, Location> into) {
    Matcher call = JAVA_CONFIG_RECORD.matcher(code);
    while (call.find()) {
      Location where = new Location(file, lineAt(code, call.start()));
      for (String name : recordComponents(call.group(1), texts)) {
        into.putIfAbsent(name, where);
      }
    }
  }

  static List<String> recordComponents(String recordName, Map<String, String> texts) {
    Pattern declaration = Pattern.compile("\\brecord\\s+" + recordName + "\\s*(?:<[^>]*>)?\\s*\\(");
    for (Map.Entry<String, String> entry : texts.entrySet()) {
      if (!entry.getKey().endsWith(".java")) {
        continue;
      }
      String code = withoutJavaComments(entry.getValue());
      Matcher matcher = declaration.matcher(code);
      if (!matcher.find()) {
        continue;
      }
      int depth = 1;
      int i = matcher.end();
      int start = i;
      List<String> components = new ArrayList<>();
      int angle = 0;
      for (; i < code.length() && depth > 0; i++) {
        char c = code.charAt(i);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        } else if (c == '<') {
          angle++;
        } else if (c == '>') {
          angle--;
        }
        if ((depth == 0 || (c == ',' && depth == 1 && angle == 0))) {
          String component = code.substring(start, i).strip();
          if (!component.isEmpty()) {
            components.add(componentName(component));
          }
          start = i + 1;
        }
      }
      return components;
    }
    return List.of();
  }

  private static String componentName(String component) {
    Matcher property = JSON_PROPERTY.matcher(component);
    if (property.find()) {
      return property.group(1);
    }
    String[] words = component.split("[\\s.]+");
    String name = words[words.length - 1];
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static void collectPython(
      Pattern pattern, String code, String file, Map<String, Location> into) {
    Matcher matcher = pattern.matcher(code);
    while (matcher.find()) {
      String name = matcher.group(matcher.groupCount());
      into.putIfAbsent(name, new Location(file, lineAt(code, matcher.start())));
    }
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

  /** Whether a Java file may call a context accessor or read the environment at all. */
  private static boolean mayReadContext(String text) {
    return text.contains("onfig")
        || text.contains("nput")
        || text.contains("flag")
        || text.contains("contextValue")
        || text.contains("getenv");
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
