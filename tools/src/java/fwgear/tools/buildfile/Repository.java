package fwgear.tools.buildfile;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.tools.UsageException;
import fwgear.tools.ignore.GitIgnores;
import fwgear.tools.settings.RepositorySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A gear repository: its root, its settings and every target of its BUILD files.
 *
 * <p>Folders never searched: hidden ones, {@code dist} and {@code tmp} at the root, {@code target}
 * (Maven), {@code node_modules}, {@code __pycache__}, {@code templates} (scaffolding with
 * placeholders), folders holding their own gear.toml or pants.toml (other repositories, such as
 * test fixtures), and those the settings list.
 */
public final class Repository {
  public static final String BUILD_FILE = "BUILD";
  static final Set<String> SKIPPED_FOLDERS =
      Set.of("target", "node_modules", "templates", "__pycache__");

  /** Folders skipped at the root only (as Pants' {@code /dist/}): outputs of ./gear itself. */
  static final Set<String> SKIPPED_ROOT_FOLDERS = Set.of("dist", "tmp");

  private final Path root;
  private final RepositorySettings settings;
  private final Map<Address, Target> targets;
  private final List<Problem> warnings;
  private final Map<String, String> environment;

  private Repository(
      Path root,
      RepositorySettings settings,
      Map<Address, Target> targets,
      List<Problem> warnings,
      Map<String, String> environment) {
    this.root = root;
    this.settings = settings;
    this.targets = Collections.unmodifiableMap(new TreeMap<>(targets));
    this.warnings = List.copyOf(warnings);
    this.environment = Map.copyOf(environment);
  }

  /**
   * Loads the settings and every BUILD file under the root.
   *
   * @param environment the variables BUILD files' {@code env("VAR")} calls and bare build args
   *     read: given here once (commands pass their process's, tests their own), never read inside
   *     the model
   * @throws InvalidInputException with every problem of every BUILD file (and the settings)
   */
  public static Repository load(Path root, Map<String, String> environment) {
    Path absolute = root.toAbsolutePath().normalize();
    RepositorySettings settings = RepositorySettings.load(absolute);
    List<Path> buildFiles =
        findBuildFiles(
            absolute,
            GitIgnores.pants(
                absolute,
                settings.ignore(),
                settings.useGitignore(),
                settings.file().orElse("settings") + ": ignore"));
    BuildFileLoader loader = new BuildFileLoader(environment);
    List<Problem> problems = new ArrayList<>();
    for (Path file : buildFiles) {
      String relative = relative(absolute, file);
      try {
        loader.load(relative, Files.readString(file), problems);
      } catch (IOException e) {
        problems.add(Problem.error(relative, 0, "", "build-unreadable", "cannot read: " + e));
      }
    }
    InvalidInputException.throwIfErrors(problems);
    return new Repository(absolute, settings, loader.targets(), problems, environment);
  }

  /**
   * What loading found that is not an error: targets of unknown types (one warning each). Commands
   * print them and go on.
   */
  public List<Problem> warnings() {
    return warnings;
  }

  /** The warnings, one line each, for commands whose output is not a problem list. */
  public void printWarnings(java.io.PrintWriter err) {
    warnings.forEach(w -> err.println(w.format()));
    err.flush();
  }

  /**
   * The first target of an unknown type the target depends on, directly or through other targets
   * (itself included): such a target cannot be checked, nor what depends on it.
   */
  public Optional<Target> unknownTypeDependency(Target target) {
    java.util.Deque<Target> pending = new java.util.ArrayDeque<>(List.of(target));
    Set<Address> seen = new java.util.HashSet<>();
    while (!pending.isEmpty()) {
      Target next = pending.pop();
      if (!seen.add(next.address())) {
        continue;
      }
      if (next instanceof Target.UnknownTarget) {
        return Optional.of(next);
      }
      for (Address dependency : next.dependencies()) {
        target(dependency).ifPresent(pending::add);
      }
    }
    return Optional.empty();
  }

  private static List<Path> findBuildFiles(Path root, GitIgnores ignores) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              String name = dir.getFileName().toString();
              if (name.startsWith(".")
                  || SKIPPED_FOLDERS.contains(name)
                  || (SKIPPED_ROOT_FOLDERS.contains(name) && dir.getParent().equals(root))
                  || ignores.isIgnored(relative(root, dir), true)
                  || isNestedRepository(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (file.getFileName().toString().equals(BUILD_FILE)
                  && attrs.isRegularFile()
                  && !ignores.isIgnored(relative(root, file), false)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Parents before children, so __defaults__ flow down the tree: a folder's path is a prefix of
    // its subfolders' paths, so it sorts first. The walk gives no order.
    files.sort(java.util.Comparator.comparing(file -> file.getParent().toString()));
    return files;
  }

  /** A folder with its own gear.toml or pants.toml is another repository (a test fixture, say). */
  private static boolean isNestedRepository(Path dir) {
    return Files.isRegularFile(dir.resolve("gear.toml"))
        || Files.isRegularFile(dir.resolve("pants.toml"));
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  public Path root() {
    return root;
  }

  private GitIgnores gitIgnores;

  /** What git ignores in the repository (every .gitignore, read once, when first asked). */
  public GitIgnores gitIgnores() {
    if (gitIgnores == null) {
      gitIgnores = GitIgnores.git(root);
    }
    return gitIgnores;
  }

  public RepositorySettings settings() {
    return settings;
  }

  /** Every target, sorted by address. */
  public Collection<Target> targets() {
    return targets.values();
  }

  /**
   * The target at an address; a generated target's address ({@code //:reqs#requests}, {@code
   * dir:lib#file.py}) gives its generator, which this tool loads in its place.
   */
  public Optional<Target> target(Address address) {
    Target found = targets.get(address);
    int hash = address.name().indexOf('#');
    if (found == null && hash > 0) {
      found = targets.get(new Address(address.directory(), address.name().substring(0, hash)));
    }
    return Optional.ofNullable(found);
  }

  /**
   * The targets the specs select, sorted by address.
   *
   * @throws UsageException when a spec names a target or folder that has none
   */
  public List<Target> targets(Specs specs) {
    for (Specs.Spec spec : specs.includes()) {
      boolean matchesAny = targets.keySet().stream().anyMatch(spec::matches);
      if (matchesAny) {
        continue;
      }
      if (spec instanceof Specs.Single single) {
        throw new UsageException(unknownTarget(single.address(), single.text()));
      }
      String dir =
          spec instanceof Specs.Recursive r ? r.directory() : ((Specs.Directory) spec).directory();
      if (!dir.isEmpty() && Files.isRegularFile(root.resolve(dir))) {
        String folder = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
        throw new UsageException(
            spec.text()
                + " is a file; specs name targets: give its folder ("
                + (folder.isEmpty() ? ":" : folder)
                + ") or a target in it");
      }
      if (!dir.isEmpty() && !Files.isDirectory(root.resolve(dir))) {
        throw new UsageException("no such folder: " + dir + " (in spec '" + spec.text() + "')");
      }
      if (spec instanceof Specs.Directory) {
        boolean below = targets.keySet().stream().anyMatch(a -> a.isUnder(dir));
        throw new UsageException(
            "no targets in "
                + (dir.isEmpty() ? "the root" : dir)
                + (below
                    ? " (its subfolders have some: " + (dir.isEmpty() ? "" : dir) + "::)"
                    : ""));
      }
    }
    return targets.values().stream().filter(t -> specs.matches(t.address())).toList();
  }

  /** The target at an address, or a usage error listing the targets of that folder. */
  public Target require(Address address) {
    return target(address)
        .orElseThrow(() -> new UsageException(unknownTarget(address, address.toString())));
  }

  private String unknownTarget(Address address, String text) {
    List<String> inFolder =
        targets.keySet().stream()
            .filter(a -> a.directory().equals(address.directory()))
            .map(Address::spec)
            .toList();
    return "no target "
        + text
        + (inFolder.isEmpty()
            ? " (no BUILD targets in "
                + (address.directory().isEmpty() ? "the root" : address.directory())
                + ")"
            : "; targets there: " + String.join(", ", inFolder));
  }

  /** Every docker_image target the specs select, with its names resolved. */
  public List<DockerImage> dockerImages(Specs specs) {
    return targets(specs).stream()
        .filter(t -> t instanceof Target.DockerImageTarget)
        .map(t -> dockerImage((Target.DockerImageTarget) t))
        .toList();
  }

  /** The image's names and build args, resolved with the settings and the environment. */
  public DockerImage dockerImage(Target.DockerImageTarget target) {
    return DockerImage.resolve(target, settings, environment);
  }

  /** A path relative to the root, as a file system path. */
  public Path resolve(String relativePath) {
    return root.resolve(relativePath);
  }
}
