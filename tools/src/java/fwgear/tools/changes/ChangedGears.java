package fwgear.tools.changes;

import fwgear.tools.UsageException;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.maven.Reactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which gears changed since a git ref, as Pants' {@code --changed-since} sees it: files that differ
 * between the ref and the working tree (uncommitted and untracked files included). With dependents,
 * also the gears whose Maven module depends, directly or transitively, on a module whose main code
 * changed ({@code common}, or the root pom outside its module list).
 */
public final class ChangedGears {
  private static final Pattern MODULES = Pattern.compile("(?s)<modules>.*?</modules>");

  private final Path root;
  private final Map<String, String> environment;
  private final Git git;

  /**
   * @param environment what the repository's BUILD files are loaded with ({@code env()})
   */
  public ChangedGears(Path root, Map<String, String> environment) {
    this.root = root;
    this.environment = environment;
    this.git = new Git(root);
  }

  /** The changed gears, sorted by folder. */
  public List<Gear> since(String ref, boolean dependents) {
    if (git.lines("rev-parse", "--is-inside-work-tree").isEmpty() || !git.isCommit(ref)) {
      throw new UsageException("changed: '" + ref + "' is not a commit of this git repository");
    }
    Set<String> files = new LinkedHashSet<>();
    // Both list paths relative to the repository root, which may sit below git's top folder.
    files.addAll(git.lines("diff", "--name-only", "--no-renames", "--relative", ref, "--", "."));
    files.addAll(git.lines("ls-files", "--others", "--exclude-standard", "--", "."));

    List<Gear> gears = Gears.of(Repository.load(root, environment)).all();
    Set<Gear> result = new LinkedHashSet<>();
    List<Path> changed = files.stream().map(Path::of).toList();
    for (Path file : changed) {
      owningGear(gears, file).ifPresent(result::add);
    }
    if (dependents) {
      Reactor reactor = Reactor.load(root);
      Set<Path> changedModules = new LinkedHashSet<>();
      for (Path file : changed) {
        Path module = reactor.owningModule(file);
        if (module.toString().isEmpty()) {
          if (file.toString().equals("pom.xml") && rootPomChanged(ref)) {
            changedModules.add(module);
          }
        } else if (!module.relativize(file).startsWith("test")) {
          changedModules.add(module);
        }
      }
      for (Path module : reactor.withDependents(changedModules)) {
        gears.stream().filter(gear -> Path.of(gear.folder()).equals(module)).forEach(result::add);
      }
    }
    return result.stream().sorted(Comparator.comparing(Gear::folder)).toList();
  }

  /** The gear whose folder holds a file: the deepest, should gear folders nest. */
  private static Optional<Gear> owningGear(List<Gear> gears, Path file) {
    return gears.stream()
        .filter(gear -> !gear.folder().isEmpty() && file.startsWith(gear.folder()))
        .max(Comparator.comparingInt(gear -> Path.of(gear.folder()).getNameCount()));
  }

  /** The root pom changed in more than its module list (adding a gear changes no one's build). */
  private boolean rootPomChanged(String ref) {
    String before = git.show(ref, "pom.xml").orElse("");
    String now;
    try {
      now = Files.readString(root.resolve("pom.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pom.xml", e);
    }
    return !MODULES.matcher(before).replaceAll("").equals(MODULES.matcher(now).replaceAll(""));
  }
}
