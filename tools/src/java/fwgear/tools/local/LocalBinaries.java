package fwgear.tools.local;

import fwgear.tools.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a gear's binaries through its Dockerfile: every {@code COPY <source> <in-image path>} whose
 * source is a packaged binary (Pants' output path, such as {@code
 * gears.project_management.src.java.project_app/bin.jar}, built under {@code dist/}) or a file of
 * the repository becomes an in-image path mapped to a local file.
 */
public final class LocalBinaries implements GearBinaries {
  private static final Pattern PACKAGED =
      Pattern.compile("([A-Za-z0-9_\\-]+(?:\\.[A-Za-z0-9_\\-]+)*)/([A-Za-z0-9_\\-]+)\\.jar");

  /** Builds the binary of a target, such as a deploy_jar's fat jar, into its output file. */
  @FunctionalInterface
  public interface Builder {
    void build(LocalGear gear, String address, Path outputFile, PrintWriter progress);
  }

  private final Path root;
  private final Builder builder;

  public LocalBinaries(Path root, Builder builder) {
    this.root = root.toAbsolutePath().normalize();
    this.builder = builder;
  }

  public static LocalBinaries forRepository(Path root) {
    return new LocalBinaries(root, LocalBinaries::notBuildable);
  }

  private static void notBuildable(
      LocalGear gear, String address, Path outputFile, PrintWriter progress) {
    if (!Files.isRegularFile(outputFile)) {
      throw new UsageException(
          "the binary " + address + " is not built: run ./gear package " + address);
    }
  }

  @Override
  public Map<String, Path> locate(LocalGear gear) {
    Map<String, Path> located = new LinkedHashMap<>();
    copies(gear).forEach(copy -> located.put(copy.inImage(), copy.localFile()));
    return located;
  }

  @Override
  public Map<String, Path> build(LocalGear gear, PrintWriter progress) {
    for (Copy copy : copies(gear)) {
      if (copy.address() != null) {
        builder.build(gear, copy.address(), copy.localFile(), progress);
      }
    }
    return locate(gear);
  }

  /** One COPY of a binary: where it lands in the image, its local file, its target if packaged. */
  record Copy(String inImage, Path localFile, String address) {}

  List<Copy> copies(LocalGear gear) {
    List<String> lines;
    try {
      lines = logicalLines(Files.readAllLines(gear.dockerfile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + gear.display(gear.dockerfile()), e);
    }
    Map<String, String> variables = new HashMap<>();
    String workdir = "/";
    List<Copy> copies = new ArrayList<>();
    for (String line : lines) {
      String[] words = line.strip().split("\\s+");
      if (words.length == 0 || words[0].isEmpty()) {
        continue;
      }
      String instruction = words[0].toUpperCase();
      switch (instruction) {
        case "ARG", "ENV" -> define(variables, words);
        case "WORKDIR" -> workdir = absolute(substitute(words[1], variables), workdir);
        case "COPY", "ADD" -> {
          List<String> arguments = new ArrayList<>();
          for (int i = 1; i < words.length; i++) {
            if (!words[i].startsWith("--")) {
              arguments.add(substitute(words[i], variables));
            }
          }
          if (arguments.size() < 2) {
            continue;
          }
          String destination = absolute(arguments.get(arguments.size() - 1), workdir);
          for (String source : arguments.subList(0, arguments.size() - 1)) {
            copyOf(source, destination, arguments.size() > 2).ifPresent(copies::add);
          }
        }
        default -> {}
      }
    }
    return copies;
  }

  private java.util.Optional<Copy> copyOf(String source, String destination, boolean many) {
    String fileName = Path.of(source).getFileName().toString();
    String inImage =
        destination.endsWith("/") || many
            ? destination.replaceAll("/+$", "") + "/" + fileName
            : destination;
    Matcher packaged = PACKAGED.matcher(source);
    if (packaged.matches() && !Files.isRegularFile(root.resolve(source))) {
      String address = packaged.group(1).replace('.', '/') + ":" + packaged.group(2);
      return java.util.Optional.of(
          new Copy(inImage, root.resolve("dist").resolve(source), address));
    }
    Path file = root.resolve(source);
    if (Files.isRegularFile(file) && !fileName.equals(LocalGear.MANIFEST_JSON)) {
      return java.util.Optional.of(new Copy(inImage, file, null));
    }
    return java.util.Optional.empty();
  }

  private static void define(Map<String, String> variables, String[] words) {
    for (int i = 1; i < words.length; i++) {
      String word = words[i];
      int equals = word.indexOf('=');
      if (equals > 0) {
        variables.put(
            word.substring(0, equals), substitute(unquote(word.substring(equals + 1)), variables));
      } else if (words.length == 3 && i == 1) {
        variables.put(word, substitute(unquote(words[2]), variables));
        return;
      }
    }
  }

  private static String unquote(String value) {
    return value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\""))
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static String substitute(String text, Map<String, String> variables) {
    Matcher matcher =
        Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)")
            .matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      matcher.appendReplacement(result, Matcher.quoteReplacement(variables.getOrDefault(name, "")));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** The path against the working directory, normalized; a trailing slash or dot marks a folder. */
  private static String absolute(String path, String workdir) {
    boolean folder = path.endsWith("/") || path.equals(".") || path.endsWith("/.");
    String joined = path.startsWith("/") ? path : workdir + "/" + path;
    String normalized = Path.of(joined).normalize().toString();
    return folder && !normalized.endsWith("/") ? normalized + "/" : normalized;
  }

  private static List<String> logicalLines(List<String> physical) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : physical) {
      if (current.isEmpty() && line.strip().startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        current.append(line);
        lines.add(current.toString());
        current.setLength(0);
      }
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }
}
