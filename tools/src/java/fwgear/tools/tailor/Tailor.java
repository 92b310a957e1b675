package fwgear.tools.tailor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.tools.textedit.BuildFileText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Adds the BUILD targets a folder lacks, as {@code pants tailor} does: {@code java_sources} for
 * Java sources no target owns, {@code junit_tests} for {@code *Test.java} (and {@code
 * python_sources}, {@code python_tests}, {@code shell_sources} for a Python repository), {@code
 * deploy_jar} for a {@code Run} class with a {@code main} ({@code pex_binary} for {@code run.py}),
 * and for a Dockerfile next to a manifest the {@code file(name="manifest")} and {@code
 * docker_image} the seed's layout needs. Existing targets are never edited: new ones are appended,
 * and the rest of the file stays byte for byte.
 */
public final class Tailor {
  private static final Set<String> SKIPPED = Set.of("target", "dist", "node_modules", "tmp");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern MAIN =
      Pattern.compile("public\\s+static\\s+void\\s+main\\s*\\(\\s*(final\\s+)?String");
  private static final Pattern COPY_BINARY =
      Pattern.compile("(?m)^\\s*COPY\\s+(?:--\\S+\\s+)*([\\w.-]+)/([\\w-]+)\\.(?:jar|pex)\\s");

  /** A kind of source file and the target type that owns it; tests are named "tests". */
  private record SourceRule(String type, Predicate<String> files, boolean tests) {}

  private static final List<SourceRule> SOURCE_RULES =
      List.of(
          new SourceRule(
              "java_sources", f -> f.endsWith(".java") && !f.endsWith("Test.java"), false),
          new SourceRule("junit_tests", f -> f.endsWith("Test.java"), true),
          new SourceRule("python_sources", f -> f.endsWith(".py") && !isPythonTest(f), false),
          new SourceRule("python_tests", Tailor::isPythonTest, true),
          new SourceRule("shell_sources", f -> f.endsWith(".sh"), false));

  private final Path root;

  public Tailor(Path root) {
    this.root = root;
  }

  /** What tailoring the folders (relative to the root), and all folders below them, would add. */
  public List<BuildFileChange> plan(List<Path> folders) {
    List<BuildFileChange> changes = new ArrayList<>();
    for (Path folder : folders) {
      for (Path dir : directories(root.resolve(folder))) {
        plan(root.relativize(dir)).ifPresent(changes::add);
      }
    }
    return changes;
  }

  /** Writes the changes, each BUILD file replaced in one move. */
  public void write(List<BuildFileChange> changes) {
    for (BuildFileChange change : changes) {
      Path target = root.resolve(change.buildFile());
      try {
        Path staged = Files.createTempFile(target.getParent(), ".BUILD", ".tmp");
        try {
          Files.writeString(staged, change.text(), StandardCharsets.UTF_8);
          Files.move(
              staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(staged);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("tailor: cannot write " + change.buildFile(), e);
      }
    }
  }

  private Optional<BuildFileChange> plan(Path dir) {
    Path buildFile = dir.resolve("BUILD");
    Path absoluteBuild = root.resolve(buildFile);
    boolean exists = Files.isRegularFile(absoluteBuild);
    String text = exists ? read(absoluteBuild) : "";
    List<BuildFileText.Call> targets;
    try {
      targets = BuildFileText.calls(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          Problem.error(buildFile.toString(), 0, "", "build-syntax", e.getMessage()));
    }
    List<String> files = fileNames(root.resolve(dir));
    Set<String> names = new HashSet<>();
    String dirName = dir.getFileName() == null ? "" : dir.getFileName().toString();
    targets.forEach(
        t -> names.add(t.name().map(BuildFileText.StringLiteral::value).orElse(dirName)));

    List<String> added = new ArrayList<>();
    Optional<String> javaSources = Optional.empty();
    for (SourceRule rule : SOURCE_RULES) {
      boolean lacking =
          files.stream()
              .filter(rule.files())
              .anyMatch(f -> targets.stream().noneMatch(t -> Ownership.owns(t, f)));
      Optional<String> existing =
          targets.stream()
              .filter(t -> t.type().equals(rule.type()))
              .map(t -> t.name().map(BuildFileText.StringLiteral::value).orElse(dirName))
              .findFirst();
      if (lacking) {
        String name = freshName(rule.tests() ? "tests" : dirName, names);
        added.add(rule.type() + "(name=\"" + name + "\")");
        existing = existing.or(() -> Optional.of(name));
      }
      if (rule.type().equals("java_sources")) {
        javaSources = existing;
      }
    }
    if (!isTestFolder(dir) && targets.stream().noneMatch(t -> t.type().equals("deploy_jar"))) {
      Optional<String> sources = javaSources;
      runClass(dir, files)
          .ifPresent(main -> added.add(deployJar(freshName("bin", names), main, sources)));
    }
    if (!isTestFolder(dir)
        && files.contains("run.py")
        && targets.stream().noneMatch(t -> t.type().equals("pex_binary"))) {
      added.add("pex_binary(name=\"" + freshName("bin", names) + "\", entry_point=\"run.py\")");
    }
    if (files.contains("Dockerfile")
        && targets.stream().noneMatch(t -> t.type().equals("docker_image"))) {
      added.addAll(dockerTargets(dir, files, targets, names));
    }
    if (added.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder newText = new StringBuilder(text);
    if (!text.isEmpty()) {
      if (!text.endsWith("\n")) {
        newText.append('\n');
      }
      newText.append('\n');
    }
    newText.append(String.join("\n\n", added)).append('\n');
    return Optional.of(new BuildFileChange(buildFile, !exists, added, newText.toString()));
  }

  private List<String> dockerTargets(
      Path dir, List<String> files, List<BuildFileText.Call> targets, Set<String> names) {
    List<String> added = new ArrayList<>();
    List<String> dependencies = new ArrayList<>();
    Optional<JsonNode> manifest = Optional.empty();
    if (files.contains("manifest.json")) {
      manifest = readJson(root.resolve(dir).resolve("manifest.json"));
      Optional<BuildFileText.Call> owner =
          targets.stream()
              .filter(t -> t.type().equals("file") || t.type().equals("files"))
              .filter(t -> Ownership.owns(t, "manifest.json"))
              .findFirst();
      String manifestTarget;
      if (owner.isPresent()) {
        manifestTarget =
            owner
                .get()
                .name()
                .map(BuildFileText.StringLiteral::value)
                .orElse(dir.getFileName().toString());
      } else {
        manifestTarget = freshName("manifest", names);
        added.add("file(name=\"" + manifestTarget + "\", source=\"manifest.json\")");
      }
      dependencies.add(":" + manifestTarget);
    }
    Matcher copy = COPY_BINARY.matcher(read(root.resolve(dir).resolve("Dockerfile")));
    while (copy.find()) {
      dependencies.add(copy.group(1).replace('.', '/') + ":" + copy.group(2));
    }
    String name =
        manifest
            .map(m -> m.path("name").asText(""))
            .filter(n -> !n.isEmpty())
            .orElse(dir.getFileName().toString());
    StringBuilder image = new StringBuilder("docker_image(\n");
    image.append("    name=\"").append(freshName(name, names)).append("\",\n");
    image.append("    source=\"Dockerfile\",\n");
    if (!dependencies.isEmpty()) {
      image
          .append("    dependencies=[")
          .append(String.join(", ", dependencies.stream().map(d -> "\"" + d + "\"").toList()))
          .append("],\n");
    }
    manifest
        .map(m -> m.path("version").asText(""))
        .filter(v -> !v.isEmpty())
        .ifPresent(v -> image.append("    image_tags=[\"").append(v).append("\", \"latest\"],\n"));
    added.add(image.append(")").toString());
    return added;
  }

  private static String deployJar(String name, String main, Optional<String> sources) {
    StringBuilder jar = new StringBuilder("deploy_jar(\n");
    jar.append("    name=\"").append(name).append("\",\n");
    jar.append("    main=\"").append(main).append("\",\n");
    sources.ifPresent(s -> jar.append("    dependencies=[\":").append(s).append("\"],\n"));
    return jar.append(")").toString();
  }

  /** The class of {@code Run.java} when it declares a main method: the seed's entry point. */
  private Optional<String> runClass(Path dir, List<String> files) {
    if (!files.contains("Run.java")) {
      return Optional.empty();
    }
    String source = read(root.resolve(dir).resolve("Run.java"));
    if (!MAIN.matcher(source).find()) {
      return Optional.empty();
    }
    Matcher pkg = PACKAGE.matcher(source);
    return Optional.of(pkg.find() ? pkg.group(1) + ".Run" : "Run");
  }

  private static boolean isPythonTest(String file) {
    return file.endsWith(".py") && (file.startsWith("test_") || file.endsWith("_test.py"));
  }

  private static boolean isTestFolder(Path dir) {
    for (Path part : dir) {
      if (part.toString().equals("test")) {
        return true;
      }
    }
    return false;
  }

  private static String freshName(String wanted, Set<String> taken) {
    String name = wanted;
    for (int i = 2; taken.contains(name); i++) {
      name = wanted + i;
    }
    taken.add(name);
    return name;
  }

  private static List<Path> directories(Path start) {
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(start)) {
      walk.filter(Files::isDirectory)
          .filter(
              dir ->
                  start.relativize(dir).toString().isEmpty() || notSkipped(start.relativize(dir)))
          .sorted()
          .forEach(dirs::add);
    } catch (IOException e) {
      throw new UncheckedIOException("tailor: cannot list " + start, e);
    }
    return dirs;
  }

  private static boolean notSkipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || SKIPPED.contains(name)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> fileNames(Path dir) {
    Set<String> names = new LinkedHashSet<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .sorted()
          .forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException("tailor: cannot list " + dir, e);
    }
    return List.copyOf(names);
  }

  private static Optional<JsonNode> readJson(Path file) {
    try {
      return Optional.of(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("tailor: cannot read " + file, e);
    }
  }
}
