package fwgear.tools.docker;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Dockerfile: its instructions with their lines (logical lines: continuations joined, the
 * {@code # escape=} directive followed, BuildKit here-documents taken as text), and the facts the
 * gear tools need from them (base images, build args, copies, environment, entry point, command).
 * Variables ({@code $X}, {@code ${X}}, {@code ${X:-default}}) are substituted as Docker does, from
 * ARG defaults, the build args given, and ENV.
 */
public final class Dockerfile {
  private final String file;
  private final List<Instruction> instructions;

  private Dockerfile(String file, List<Instruction> instructions) {
    this.file = file;
    this.instructions = List.copyOf(instructions);
  }

  /**
   * One instruction; {@code line} is where it starts, {@code arguments} has continuations joined.
   */
  public record Instruction(int line, String keyword, String arguments, List<Heredoc> heredocs) {
    public Instruction {
      heredocs = List.copyOf(heredocs);
    }

    public Instruction(int line, String keyword, String arguments) {
      this(line, keyword, arguments, List.of());
    }
  }

  /**
   * A BuildKit here-document of a RUN, COPY or ADD ({@code RUN <<EOF ... EOF}): its lines are the
   * document's text, never instructions.
   *
   * @param name the delimiter ({@code EOF})
   * @param line the first line of the text
   */
  public record Heredoc(String name, int line, String text) {}

  private static final java.util.regex.Pattern HEREDOC =
      java.util.regex.Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");

  /**
   * A COPY or ADD.
   *
   * @param sources the source paths as written (variables substituted)
   * @param destination the destination, made absolute against the WORKDIR in effect
   * @param from the {@code --from} stage or image, if any
   */
  public record Copy(
      int line, String keyword, List<String> sources, String destination, Optional<String> from) {}

  /** An ENTRYPOINT or CMD, in exec form ({@code ["a","b"]}) or shell form ({@code a b}). */
  public record Command(int line, boolean execForm, List<String> arguments, String text) {
    /** The program the command runs (for shell form: the first word). */
    public Optional<String> program() {
      if (execForm) {
        return arguments.isEmpty() ? Optional.empty() : Optional.of(arguments.get(0));
      }
      String[] words = text.strip().split("\\s+");
      return words.length == 0 || words[0].isEmpty() ? Optional.empty() : Optional.of(words[0]);
    }
  }

  /** A FROM: the image as written, resolved (build args substituted), and the stage name. */
  public record From(int line, String image, String resolvedImage, Optional<String> stage) {}

  /**
   * An ENV setting, value substituted.
   *
   * @param inherited the variables the value uses that the Dockerfile does not set (such as {@code
   *     PATH} in {@code ENV PATH=/opt/bin:$PATH}): they come from the base image, so the value is
   *     only known once the image is built
   */
  public record Env(int line, String name, String value, java.util.Set<String> inherited) {
    public Env {
      inherited = java.util.Set.copyOf(inherited);
    }

    /** Whether the value is fully known from the Dockerfile. */
    public boolean isKnown() {
      return inherited.isEmpty();
    }
  }

  /** Reads and parses a Dockerfile; a missing file is an {@link InvalidInputException}. */
  public static Dockerfile parse(Path path) {
    return parse(path, path.toString());
  }

  /** Reads and parses a Dockerfile, naming it {@code displayName} in problems. */
  public static Dockerfile parse(Path path, String displayName) {
    try {
      return parse(Files.readString(path), displayName);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "dockerfile-missing", "file not found"));
    } catch (IOException e) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "dockerfile-unreadable", "cannot read: " + e));
    }
  }

  /** Parses Dockerfile text. */
  public static Dockerfile parse(String text, String displayName) {
    List<Instruction> instructions = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    char escape = '\\';
    boolean directivesAllowed = true;
    StringBuilder current = null;
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String stripped = line.strip();
      if (current == null) {
        if (stripped.startsWith("#")) {
          if (directivesAllowed) {
            String directive = stripped.substring(1).strip().toLowerCase(Locale.ROOT);
            if (directive.startsWith("escape=") && directive.length() > 7) {
              escape = stripped.substring(stripped.indexOf('=') + 1).strip().charAt(0);
            }
          }
          continue;
        }
        if (stripped.isEmpty()) {
          continue;
        }
        directivesAllowed = false;
        current = new StringBuilder();
        start = i + 1;
      } else if (stripped.startsWith("#") || stripped.isEmpty()) {
        continue; // comments and empty lines inside a continuation are skipped
      }
      String body = line;
      boolean continues = body.stripTrailing().endsWith(String.valueOf(escape));
      if (continues) {
        String trailing = body.stripTrailing();
        body = trailing.substring(0, trailing.length() - 1);
      }
      current.append(current.length() == 0 ? body.strip() : " " + body.strip());
      if (!continues) {
        Instruction instruction = instruction(start, current.toString());
        List<Heredoc> heredocs = new ArrayList<>();
        if (List.of("RUN", "COPY", "ADD").contains(instruction.keyword())) {
          java.util.regex.Matcher marker = HEREDOC.matcher(instruction.arguments());
          while (marker.find()) {
            boolean stripTabs = !marker.group(1).isEmpty();
            String name = marker.group(3);
            StringBuilder document = new StringBuilder();
            int first = i + 2;
            while (++i < lines.length) {
              String row = stripTabs ? lines[i].replaceFirst("^\t+", "") : lines[i];
              if (row.equals(name)) {
                break;
              }
              document.append(row).append('\n');
            }
            heredocs.add(new Heredoc(name, first, document.toString()));
          }
        }
        instructions.add(
            heredocs.isEmpty()
                ? instruction
                : new Instruction(
                    instruction.line(), instruction.keyword(), instruction.arguments(), heredocs));
        current = null;
      }
    }
    if (current != null) {
      instructions.add(instruction(start, current.toString()));
    }
    return new Dockerfile(displayName, instructions);
  }

  private static Instruction instruction(int line, String text) {
    int space = indexOfSpace(text);
    String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    String arguments = space < 0 ? "" : text.substring(space + 1).strip();
    return new Instruction(line, keyword, arguments);
  }

  private static int indexOfSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  public String file() {
    return file;
  }

  public List<Instruction> instructions() {
    return instructions;
  }

  /** The ARGs with their defaults (empty when an ARG has none), in order, last one winning. */
  public Map<String, Optional<String>> args() {
    Map<String, Optional<String>> args = new LinkedHashMap<>();
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("ARG")) {
        for (String word : words(instruction.arguments())) {
          int equals = word.indexOf('=');
          if (equals < 0) {
            args.putIfAbsent(word, Optional.empty());
          } else {
            args.put(word.substring(0, equals), Optional.of(unquote(word.substring(equals + 1))));
          }
        }
      }
    }
    return args;
  }

  /** The FROMs, with images resolved from ARG defaults overridden by {@code buildArgs}. */
  public List<From> froms(Map<String, String> buildArgs) {
    Map<String, String> globals = new LinkedHashMap<>();
    List<From> froms = new ArrayList<>();
    boolean beforeFirstFrom = true;
    for (Instruction instruction : instructions) {
      if (beforeFirstFrom && instruction.keyword().equals("ARG")) {
        for (String word : words(instruction.arguments())) {
          int equals = word.indexOf('=');
          String name = equals < 0 ? word : word.substring(0, equals);
          String value =
              buildArgs.containsKey(name)
                  ? buildArgs.get(name)
                  : equals < 0 ? null : unquote(word.substring(equals + 1));
          if (value != null) {
            globals.put(name, substitute(value, globals));
          }
        }
      } else if (instruction.keyword().equals("FROM")) {
        beforeFirstFrom = false;
        List<String> words = new ArrayList<>(words(instruction.arguments()));
        words.removeIf(w -> w.startsWith("--"));
        String image = words.isEmpty() ? "" : words.get(0);
        Optional<String> stage =
            words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")
                ? Optional.of(words.get(2))
                : Optional.empty();
        froms.add(new From(instruction.line(), image, substitute(image, globals), stage));
      }
    }
    return froms;
  }

  /** Every COPY and ADD, with destinations made absolute against the WORKDIR then in effect. */
  public List<Copy> copies(Map<String, String> buildArgs) {
    List<Copy> copies = new ArrayList<>();
    walk(
        buildArgs,
        (instruction, variables, workdir) -> {
          if (!instruction.keyword().equals("COPY") && !instruction.keyword().equals("ADD")) {
            return;
          }
          Optional<String> from = Optional.empty();
          String rest = instruction.arguments().strip();
          while (rest.startsWith("--")) {
            int space = indexOfSpace(rest);
            String flag = space < 0 ? rest : rest.substring(0, space);
            if (flag.startsWith("--from=")) {
              from = Optional.of(substitute(flag.substring(7), variables));
            }
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
          }
          List<String> words =
              rest.startsWith("[")
                  ? jsonArray(rest).orElse(List.of())
                  : words(rest).stream().map(Dockerfile::unquote).toList();
          if (words.size() < 2) {
            return;
          }
          List<String> sources = new ArrayList<>();
          for (String source : words.subList(0, words.size() - 1)) {
            if (!HEREDOC.matcher(source).matches()) { // a here-document is no context file
              sources.add(substitute(source, variables));
            }
          }
          String destination =
              absolute(substitute(words.get(words.size() - 1), variables), workdir);
          copies.add(
              new Copy(instruction.line(), instruction.keyword(), sources, destination, from));
        });
    return copies;
  }

  /** The ENV settings of the last stage, values substituted, in order. */
  public Map<String, Env> env(Map<String, String> buildArgs) {
    Map<String, Env> env = new LinkedHashMap<>();
    walk(
        buildArgs,
        (instruction, variables, workdir) -> {
          if (instruction.keyword().equals("FROM")) {
            env.clear();
          }
          if (instruction.keyword().equals("ENV")) {
            for (Map.Entry<String, String> entry : envPairs(instruction.arguments()).entrySet()) {
              env.put(
                  entry.getKey(),
                  new Env(
                      instruction.line(),
                      entry.getKey(),
                      substitute(entry.getValue(), variables),
                      unset(entry.getValue(), variables)));
            }
          }
        });
    return env;
  }

  /** The last ENTRYPOINT of the last stage. */
  public Optional<Command> entrypoint() {
    return lastCommand("ENTRYPOINT");
  }

  /** The last CMD of the last stage. */
  public Optional<Command> cmd() {
    return lastCommand("CMD");
  }

  /** The WORKDIR in effect at the end of the last stage ({@code /} when none). */
  public String workdir(Map<String, String> buildArgs) {
    return walk(buildArgs, (instruction, variables, workdir) -> {});
  }

  private Optional<Command> lastCommand(String keyword) {
    Command found = null;
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("FROM")) {
        found = null;
      } else if (instruction.keyword().equals(keyword)) {
        String arguments = instruction.arguments();
        Optional<List<String>> exec =
            arguments.startsWith("[") ? jsonArray(arguments) : Optional.empty();
        found =
            exec.map(args -> new Command(instruction.line(), true, args, arguments))
                .orElse(new Command(instruction.line(), false, List.of(), arguments));
      }
    }
    return Optional.ofNullable(found);
  }

  private interface Visitor {
    void visit(Instruction instruction, Map<String, String> variables, String workdir);
  }

  /** Walks the instructions tracking variables (ARG, ENV) and WORKDIR, stage by stage. */
  private String walk(Map<String, String> buildArgs, Visitor visitor) {
    Map<String, String> globals = new LinkedHashMap<>();
    Map<String, String> variables = new LinkedHashMap<>();
    String workdir = "/";
    boolean beforeFirstFrom = true;
    for (Instruction instruction : instructions) {
      // The visitor sees the state the instruction runs in, before its own effect.
      visitor.visit(instruction, variables, workdir);
      switch (instruction.keyword()) {
        case "FROM" -> {
          beforeFirstFrom = false;
          variables = new LinkedHashMap<>();
          workdir = "/";
        }
        case "ARG" -> {
          for (String word : words(instruction.arguments())) {
            int equals = word.indexOf('=');
            String name = equals < 0 ? word : word.substring(0, equals);
            String value;
            if (buildArgs.containsKey(name)) {
              value = buildArgs.get(name);
            } else if (equals >= 0) {
              value = substitute(unquote(word.substring(equals + 1)), variables);
            } else {
              value = globals.get(name); // ARG X after FROM brings a global ARG into the stage
            }
            if (beforeFirstFrom) {
              if (value != null) {
                globals.put(name, value);
              }
            } else if (value != null) {
              variables.put(name, value);
            }
          }
        }
        case "ENV" -> {
          // ENV A=1 B=$A gives B the A from before the instruction, as Docker does.
          Map<String, String> before = new LinkedHashMap<>(variables);
          for (Map.Entry<String, String> entry : envPairs(instruction.arguments()).entrySet()) {
            variables.put(entry.getKey(), substitute(entry.getValue(), before));
          }
        }
        case "WORKDIR" ->
            workdir = absolute(substitute(unquote(instruction.arguments()), variables), workdir);
        default -> {}
      }
    }
    return workdir;
  }

  private static String absolute(String path, String workdir) {
    if (path.startsWith("/")) {
      return path;
    }
    String base = workdir.endsWith("/") ? workdir : workdir + "/";
    String joined = path.equals(".") || path.equals("./") ? base : base + path;
    return joined.replace("/./", "/");
  }

  /** ENV in {@code K=V K2="v 2"} form or the old {@code K value with spaces} form. */
  static Map<String, String> envPairs(String arguments) {
    Map<String, String> pairs = new LinkedHashMap<>();
    List<String> words = words(arguments);
    if (words.isEmpty()) {
      return pairs;
    }
    if (!words.get(0).contains("=")) {
      String rest = arguments.strip().substring(words.get(0).length()).strip();
      pairs.put(words.get(0), unquote(rest));
      return pairs;
    }
    for (String word : words) {
      int equals = word.indexOf('=');
      if (equals > 0) {
        pairs.put(word.substring(0, equals), unquote(word.substring(equals + 1)));
      }
    }
    return pairs;
  }

  /** Splits on white space, keeping quoted parts (with their quotes) together. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        word.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word.append(c);
      } else if (Character.isWhitespace(c)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /** Removes the quotes of a quoted word, including those inside it ({@code A="b c"}). */
  static String unquote(String text) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          out.append(text.charAt(++i));
        } else {
          out.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Parses the JSON-array form {@code ["a", "b"]}; empty when the text is not one. */
  static Optional<List<String>> jsonArray(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
      return Optional.empty();
    }
    List<String> items = new ArrayList<>();
    int i = 1;
    int end = trimmed.length() - 1;
    while (i < end) {
      char c = trimmed.charAt(i);
      if (Character.isWhitespace(c) || c == ',') {
        i++;
        continue;
      }
      if (c != '"') {
        return Optional.empty();
      }
      StringBuilder item = new StringBuilder();
      i++;
      while (i < end && trimmed.charAt(i) != '"') {
        if (trimmed.charAt(i) == '\\' && i + 1 < end) {
          i++;
        }
        item.append(trimmed.charAt(i));
        i++;
      }
      if (i >= end) {
        return Optional.empty();
      }
      i++;
      items.add(item.toString());
    }
    return Optional.of(items);
  }

  private static final java.util.regex.Pattern REFERENCE =
      java.util.regex.Pattern.compile("(?<!\\\\)\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(:[-+])?");

  /** The variables a value refers to (without a default) that are not set. */
  static java.util.Set<String> unset(String text, Map<String, String> variables) {
    java.util.Set<String> missing = new java.util.LinkedHashSet<>();
    java.util.regex.Matcher matcher = REFERENCE.matcher(text);
    while (matcher.find()) {
      if (matcher.group(2) == null && !variables.containsKey(matcher.group(1))) {
        missing.add(matcher.group(1));
      }
    }
    return missing;
  }

  /** Substitutes {@code $X}, {@code ${X}}, {@code ${X:-default}} and {@code ${X:+alt}}. */
  public static String substitute(String text, Map<String, String> variables) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        out.append('$');
        i++;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int close = text.indexOf('}', i);
        if (close < 0) {
          out.append(text.substring(i));
          break;
        }
        String inner = text.substring(i + 2, close);
        int modifier = inner.indexOf(':');
        String name = modifier < 0 ? inner : inner.substring(0, modifier);
        String value = variables.get(name);
        if (modifier >= 0 && inner.length() > modifier + 1) {
          char kind = inner.charAt(modifier + 1);
          String word = inner.substring(modifier + 2);
          if (kind == '-') {
            value = value == null || value.isEmpty() ? substitute(word, variables) : value;
          } else if (kind == '+') {
            value = value == null || value.isEmpty() ? "" : substitute(word, variables);
          }
        }
        out.append(value == null ? "" : value);
        i = close;
      } else if (c == '$'
          && i + 1 < text.length()
          && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '_')) {
        int j = i + 1;
        while (j < text.length()
            && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        String value = variables.get(text.substring(i + 1, j));
        out.append(value == null ? "" : value);
        i = j - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
