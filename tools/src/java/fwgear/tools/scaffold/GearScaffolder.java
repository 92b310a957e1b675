package fwgear.tools.scaffold;

import fwgear.tools.UsageException;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.maven.ModuleList;
import fwgear.tools.maven.Pom;
import fwgear.tools.maven.Reactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Creates a gear from {@code templates/gear/}: a tree laid out like the repository root whose paths
 * and texts hold {@code {{ variable }}} placeholders. Everything is rendered and checked in memory
 * first; only then are files written, so a refused gear leaves the repository untouched.
 */
public final class GearScaffolder {
  public static final Path TEMPLATE_DIR = Path.of("templates", "gear");

  private final Path root;
  private final Path templates;
  private final LocalDate today;
  private final Map<String, String> environment;
  private Repository repository;

  /**
   * @param environment what the repository's BUILD files are loaded with ({@code env()})
   */
  public GearScaffolder(
      Path root, Path templates, LocalDate today, Map<String, String> environment) {
    this.root = root;
    this.templates = templates;
    this.today = today;
    this.environment = environment;
  }

  /** The repository the gear is added to (settings and BUILD files), loaded once when needed. */
  private Repository repository() {
    if (repository == null) {
      repository = Repository.load(root, environment);
    }
    return repository;
  }

  /**
   * The templates of the repository at {@code root}, or else those next to the {@code ./gear}
   * command ({@code gearHome}), so that a repository without its own templates can use the tool's.
   */
  public static Path findTemplates(Path root, Optional<Path> gearHome) {
    Path own = root.resolve(TEMPLATE_DIR);
    if (Files.isDirectory(own)) {
      return own;
    }
    return gearHome
        .map(home -> home.resolve(TEMPLATE_DIR))
        .filter(Files::isDirectory)
        .orElseThrow(
            () -> new UsageException("new: no gear template: " + TEMPLATE_DIR + " does not exist"));
  }

  /** What creating the gear would write: new files and the root pom's new text. */
  public record Plan(GearAnswers answers, Map<Path, String> files, String rootPom) {}

  /** Renders the gear in memory; a {@link UsageException} says why it cannot be created. */
  public Plan plan(GearAnswers answers) {
    List<String> refused = new ArrayList<>(conflicts(answers));
    Reactor reactor = Reactor.load(root);
    Pom rootPom = reactor.modules().get(Path.of(""));
    if (rootPom == null) {
      throw new UsageException(
          "new: the repository has no pom.xml at its root to register the gear in");
    }
    reactor.modules().values().stream()
        .filter(pom -> pom.artifactId().equals(answers.packageName()))
        .forEach(
            pom ->
                refused.add(
                    "a Maven module with artifactId '"
                        + answers.packageName()
                        + "' exists: "
                        + root.relativize(pom.file())));
    if (!refused.isEmpty()) {
      throw new UsageException("new: refused, nothing written:\n  " + String.join("\n  ", refused));
    }
    Map<Path, String> files = render(new TemplateRenderer(variables(answers, rootPom)));
    for (Path target : files.keySet()) {
      if (Files.exists(root.resolve(target))) {
        refused.add(target + " exists");
      }
    }
    if (!refused.isEmpty()) {
      throw new UsageException("new: refused, nothing written:\n  " + String.join("\n  ", refused));
    }
    String pomText = read(root.resolve("pom.xml"));
    String module = Gear.GEARS + "/" + answers.moduleName();
    String newPom;
    try {
      newPom = ModuleList.add(pomText, module);
    } catch (IllegalArgumentException e) {
      throw new UsageException("new: cannot register the gear in pom.xml: " + e.getMessage());
    }
    return new Plan(answers, files, newPom);
  }

  /** Every template file rendered: target path (relative to the root) to text. */
  private Map<Path, String> render(TemplateRenderer renderer) {
    Map<Path, String> files = new LinkedHashMap<>();
    for (Path template : templateFiles()) {
      String display = root.relativize(template).toString();
      Path target =
          Path.of(renderer.renderPath(templates.relativize(template).toString(), display));
      files.put(
          target, renderer.renderFile(read(template), display, target.getFileName().toString()));
    }
    return files;
  }

  /** Writes a plan; on a failure it removes what it wrote and leaves pom.xml as it was. */
  public void write(Plan plan) {
    List<Path> created = new ArrayList<>();
    try {
      for (Map.Entry<Path, String> file : plan.files().entrySet()) {
        Path target = root.resolve(file.getKey());
        createDirectories(target.getParent(), created);
        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        created.add(target);
      }
      Path pom = root.resolve("pom.xml");
      Path staged = Files.createTempFile(root, ".pom.xml", ".tmp");
      created.add(staged);
      Files.writeString(staged, plan.rootPom(), StandardCharsets.UTF_8);
      Files.move(staged, pom, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      for (int i = created.size() - 1; i >= 0; i--) {
        try {
          Files.deleteIfExists(created.get(i));
        } catch (IOException ignored) {
          // Best effort: the message below names the failure that matters.
        }
      }
      throw new UncheckedIOException("new: cannot write the gear: " + e.getMessage(), e);
    }
  }

  private static void createDirectories(Path dir, List<Path> created) throws IOException {
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    createDirectories(dir.getParent(), created);
    Files.createDirectory(dir);
    created.add(dir);
  }

  private List<String> conflicts(GearAnswers answers) {
    List<String> conflicts = new ArrayList<>();
    Path folder = Path.of(Gear.GEARS, answers.moduleName());
    if (Files.exists(root.resolve(folder))) {
      conflicts.add("a gear folder " + folder + " exists (--module-name)");
    }
    Path docs = Path.of("docs", answers.moduleName());
    if (Files.exists(root.resolve(docs))) {
      conflicts.add("a docs folder " + docs + " exists (--module-name)");
    }
    for (Gear gear : Gears.of(repository()).all()) {
      if (gear.name().equals(answers.packageName())
          || gear.manifestName().filter(answers.packageName()::equals).isPresent()) {
        conflicts.add(
            "the gear "
                + gear.folder()
                + " is named '"
                + answers.packageName()
                + "' (--package-name)");
      }
    }
    return conflicts;
  }

  private Map<String, String> variables(GearAnswers answers, Pom rootPom) {
    Map<String, String> variables = new LinkedHashMap<>(answers.variables());
    variables.put("image", imageRepository(answers.packageName()) + ":" + answers.imageTag());
    variables.put("parent_group_id", rootPom.groupId());
    variables.put("parent_artifact_id", rootPom.artifactId());
    variables.put("parent_version", rootPom.version());
    variables.put("today", today.toString());
    return variables;
  }

  /**
   * The image repository of the gear's docker_image: {@code [docker] default_repository} from
   * gear.toml (or pants.toml) with {@code {name}}, {@code {directory}} and {@code
   * {parent_directory}} filled for {@code src/docker}.
   */
  private String imageRepository(String name) {
    return repository()
        .settings()
        .defaultRepository()
        .replace("{name}", name)
        .replace("{directory}", "docker")
        .replace("{parent_directory}", "src");
  }

  private List<Path> templateFiles() {
    try (Stream<Path> walk = Files.walk(templates)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("new: cannot read the templates in " + templates, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
