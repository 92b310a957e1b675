package fwgear.tools.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Maven module graph of a repository: the root pom, every module it lists (recursively), and
 * which module depends on which (a dependency or a parent). Paths are relative to the root. The one
 * reader of the reactor: {@code changed --dependents} follows it up to dependents, {@code package}
 * down to the modules whose sources decide a jar's class path, {@code new} reads the parent's
 * coordinates from it. Poms are read with Maven's own model reader ({@link Pom}), without Maven.
 */
public final class Reactor {
  private final Path root;
  private final Map<Path, Pom> modulesByDir;

  private Reactor(Path root, Map<Path, Pom> modulesByDir) {
    this.root = root;
    this.modulesByDir = modulesByDir;
  }

  /** Reads the root pom and every module below it; a missing module pom is skipped. */
  public static Reactor load(Path root) {
    Map<Path, Pom> modules = new LinkedHashMap<>();
    Deque<Path> pending = new ArrayDeque<>(List.of(Path.of("")));
    while (!pending.isEmpty()) {
      Path dir = pending.removeFirst();
      Path pomFile = root.resolve(dir).resolve("pom.xml");
      if (modules.containsKey(dir) || !Files.isRegularFile(pomFile)) {
        continue;
      }
      Pom pom = Pom.read(pomFile, dir.resolve("pom.xml").toString());
      modules.put(dir, pom);
      for (String module : pom.modules()) {
        pending.add(dir.resolve(module).normalize());
      }
    }
    return new Reactor(root, modules);
  }

  public Path root() {
    return root;
  }

  /** Module folders (relative; the root is the empty path) to their poms, root first. */
  public Map<Path, Pom> modules() {
    return modulesByDir;
  }

  /**
   * The module folder that holds a repository-relative file or folder: the deepest module at or
   * above it (the root when no other is); empty when the repository has no root pom.
   */
  public Optional<Path> moduleOf(Path file) {
    Path best = null;
    int bestDepth = -1;
    for (Path dir : modulesByDir.keySet()) {
      // The empty path (the root) has one empty name; it is the fallback, depth 0.
      int depth = dir.toString().isEmpty() ? 0 : dir.getNameCount();
      if (depth > bestDepth && (depth == 0 || file.startsWith(dir))) {
        best = dir;
        bestDepth = depth;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The module folder that owns a repository-relative file (the root when none other does). */
  public Path owningModule(Path file) {
    return moduleOf(file).orElse(Path.of(""));
  }

  /** The module and every reactor module it depends on, directly or transitively. */
  public Set<Path> withDependencies(Path module) {
    Map<String, Path> dirByKey = new LinkedHashMap<>();
    modulesByDir.forEach((dir, pom) -> dirByKey.put(pom.key(), dir));
    Set<Path> result = new LinkedHashSet<>();
    Deque<Path> pending = new ArrayDeque<>(List.of(module));
    while (!pending.isEmpty()) {
      Path next = pending.removeFirst();
      Pom pom = modulesByDir.get(next);
      if (pom != null && result.add(next)) {
        pom.dependencies().stream()
            .map(dirByKey::get)
            .filter(Objects::nonNull)
            .forEach(pending::add);
      }
    }
    return result;
  }

  /** The poms that list modules, and the root's: they carry the versions every module uses. */
  public List<Path> aggregatorPoms() {
    List<Path> poms = new ArrayList<>();
    modulesByDir.forEach(
        (dir, pom) -> {
          if (dir.toString().isEmpty() || !pom.modules().isEmpty()) {
            poms.add(dir.resolve("pom.xml"));
          }
        });
    return poms;
  }

  /**
   * The given modules and every module that depends on one of them, directly or transitively,
   * through a dependency or by inheriting from it as a parent.
   */
  public Set<Path> withDependents(Collection<Path> changedModules) {
    Map<String, Path> dirByKey = new LinkedHashMap<>();
    modulesByDir.forEach((dir, pom) -> dirByKey.put(pom.key(), dir));
    Map<Path, List<Path>> dependents = new LinkedHashMap<>();
    modulesByDir.forEach(
        (dir, pom) -> {
          List<String> uses = new ArrayList<>(pom.dependencies());
          pom.parent().ifPresent(uses::add);
          for (String key : uses) {
            Path used = dirByKey.get(key);
            if (used != null) {
              dependents.computeIfAbsent(used, k -> new ArrayList<>()).add(dir);
            }
          }
        });
    Set<Path> result = new LinkedHashSet<>(changedModules);
    Deque<Path> pending = new ArrayDeque<>(changedModules);
    while (!pending.isEmpty()) {
      for (Path dependent : dependents.getOrDefault(pending.removeFirst(), List.of())) {
        if (result.add(dependent)) {
          pending.add(dependent);
        }
      }
    }
    return result;
  }
}
