package fwgear.tools.docker;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.tools.buildfile.Address;
import fwgear.tools.buildfile.DockerImage;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Located;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Target;
import fwgear.tools.buildfile.Target.AssetTarget;
import fwgear.tools.buildfile.Target.BinaryTarget;
import fwgear.tools.buildfile.Target.DockerImageTarget;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The build context of a docker_image, as Pants' {@code docker_build_context} makes it: the one
 * rule every command uses (validate, package, peek, run --image).
 *
 * <p>It holds the Dockerfile (its text and where it comes from: a file, or the target's inline
 * {@code instructions}, which Pants writes as {@code Dockerfile.<name>} in the BUILD folder), the
 * Dockerfile parsed once, and every file the context holds at its context path: the sources of the
 * {@code file}, {@code files}, {@code resource} and {@code resources} targets the image depends on
 * (directly or through other targets) at their repository paths, globs expanded, and the binaries
 * of the packageable targets at their output paths (under {@code dist/}).
 *
 * @param dockerfile the Dockerfile's path in the context (a repository path)
 * @param shownAs the file problems with Dockerfile lines name: the Dockerfile, or the BUILD file
 *     that holds the instructions
 * @param text the Dockerfile's text; empty when it cannot be read
 * @param parsed the Dockerfile, parsed; empty when it cannot be read
 * @param entries every file of the context by context path (a declared source that is missing too:
 *     it is a problem as well)
 * @param unstaged dependencies ./gear cannot put in the context (types it does not build)
 * @param missing dependencies no BUILD file declares
 * @param problems what makes the context incomplete: an unreadable Dockerfile, a file target's
 *     missing source
 */
public record ImageContext(
    DockerImage image,
    boolean inline,
    String dockerfile,
    String shownAs,
    Optional<String> text,
    Optional<Dockerfile> parsed,
    SortedMap<String, Entry> entries,
    List<Target> unstaged,
    List<Address> missing,
    List<Problem> problems) {

  public static final String COPY_SOURCE = "dockerfile-copy-source";
  public static final String FILE_SOURCE = "file-source";

  public ImageContext {
    entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    unstaged = List.copyOf(unstaged);
    missing = List.copyOf(missing);
    problems = List.copyOf(problems);
  }

  /**
   * One file of the context.
   *
   * @param owner the target that puts it there
   * @param file where it is read from (for a binary: its output file under {@code dist/}, which may
   *     not be built yet)
   * @param binary whether it is a packaged binary
   */
  public record Entry(Target owner, Path file, boolean binary) {}

  /** The context of an image of the repository. */
  public static ImageContext of(Repository repository, DockerImage image) {
    DockerImageTarget target = image.target();
    List<Problem> problems = new ArrayList<>();
    boolean inline = target.instructions().isPresent();
    String dockerfile = inline ? target.pathOf("Dockerfile." + target.name()) : image.dockerfile();
    String shownAs = inline ? target.buildFile() : image.dockerfile();
    Optional<String> text = Optional.empty();
    Optional<Dockerfile> parsed = Optional.empty();
    try {
      text = Optional.of(dockerfileText(repository.root(), image));
      parsed = Optional.of(Dockerfile.parse(text.get(), shownAs));
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
      text = Optional.empty();
    }

    SortedMap<String, Entry> entries = new TreeMap<>();
    List<Target> unstaged = new ArrayList<>();
    List<Address> missing = new ArrayList<>();
    Deque<Address> pending = new ArrayDeque<>(image.dependencies());
    Set<Address> directly = Set.copyOf(image.dependencies());
    Set<Address> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Address address = pending.removeFirst();
      boolean direct = directly.contains(address);
      if (!seen.add(address)) {
        continue;
      }
      Optional<Target> found = repository.target(address);
      if (found.isEmpty()) {
        if (direct) {
          missing.add(address);
        }
        continue;
      }
      Target dependency = found.get();
      boolean baseImage = dependency instanceof DockerImageTarget;
      if (dependency instanceof AssetTarget asset) {
        addSources(repository, asset, entries, problems);
      } else if (dependency instanceof BinaryTarget binary) {
        String output = binary.outputPath();
        entries.put(output, new Entry(binary, repository.resolve("dist").resolve(output), true));
      } else if (direct && !baseImage) {
        unstaged.add(dependency); // an image dependency is a base image, not context files
      }
      if (!baseImage) {
        pending.addAll(dependency.dependencies());
      }
    }
    return new ImageContext(
        image, inline, dockerfile, shownAs, text, parsed, entries, unstaged, missing, problems);
  }

  /**
   * The Dockerfile's text: the file's, or the inline {@code instructions}, one a line.
   *
   * @throws InvalidInputException when the file is missing or unreadable
   */
  private static String dockerfileText(Path root, DockerImage image) {
    Optional<Located<List<String>>> instructions = image.target().instructions();
    if (instructions.isPresent()) {
      return String.join("\n", instructions.get().value()) + "\n";
    }
    Path file = root.resolve(image.dockerfile());
    try {
      return Files.readString(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidInputException(
          Problem.error(image.dockerfile(), 0, "", "dockerfile-missing", "file not found"));
    } catch (IOException e) {
      throw new InvalidInputException(
          Problem.error(image.dockerfile(), 0, "", "dockerfile-unreadable", "cannot read: " + e));
    }
  }

  /**
   * Adds a file target's sources (names or globs relative to its folder; {@code !} excludes), each
   * at its repository path. A named file that does not exist is a problem; a glob may match none.
   */
  private static void addSources(
      Repository repository,
      AssetTarget owner,
      Map<String, Entry> entries,
      List<Problem> problems) {
    Located<List<String>> sources = owner.sources();
    Path folder = repository.resolve(owner.directory());
    List<PathMatcher> includes = new ArrayList<>();
    List<PathMatcher> excludes = new ArrayList<>();
    for (String source : sources.value()) {
      boolean exclude = source.startsWith("!");
      String pattern = exclude ? source.substring(1) : source;
      if (!exclude && !isGlob(pattern)) {
        Path file = folder.resolve(pattern).normalize();
        // Declared, so in the context as far as the Dockerfile is concerned; a missing one is a
        // problem of its own.
        entries.put(owner.pathOf(pattern), new Entry(owner, file, false));
        if (!Files.isRegularFile(file)) {
          problems.add(
              Problem.error(
                  sources.file(),
                  sources.line(),
                  owner.sourcesField(),
                  FILE_SOURCE,
                  owner.pathOf(pattern) + " does not exist"));
        }
        continue;
      }
      (exclude ? excludes : includes).addAll(matchers(pattern));
    }
    if (includes.isEmpty() || !Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile)
          .map(folder::relativize)
          .filter(relative -> !relative.toString().equals("BUILD"))
          .filter(relative -> includes.stream().anyMatch(m -> m.matches(relative)))
          .filter(relative -> excludes.stream().noneMatch(m -> m.matches(relative)))
          .forEach(
              relative -> {
                String path = owner.pathOf(relative.toString().replace('\\', '/'));
                entries.putIfAbsent(path, new Entry(owner, folder.resolve(relative), false));
              });
    } catch (IOException e) {
      problems.add(
          Problem.error(
              owner.buildFile(),
              owner.line(),
              "sources",
              FILE_SOURCE,
              "cannot read " + owner.directory() + ": " + e.getMessage()));
    }
  }

  private static boolean isGlob(String pattern) {
    return pattern.contains("*") || pattern.contains("?") || pattern.contains("[");
  }

  /** Pants' globs: {@code *} within a folder, {@code **} across folders (also none). */
  private static List<PathMatcher> matchers(String pattern) {
    List<PathMatcher> matchers = new ArrayList<>();
    matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
    String zeroFolders = pattern.replace("**/", "");
    if (!zeroFolders.equals(pattern)) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + zeroFolders));
    }
    return matchers;
  }

  /** The build args the image is built with, by name (settings, then the target). */
  public Map<String, String> buildArgs() {
    return image.buildArgValues();
  }

  /** Whether a path (a file or a folder) is in the context. */
  public boolean holds(String path) {
    String folder = path.endsWith("/") ? path : path + "/";
    return path.equals(".")
        || entries.containsKey(path)
        || entries.keySet().stream().anyMatch(p -> p.startsWith(folder));
  }

  /**
   * The check on the context, written once: every COPY or ADD source from the context (not {@code
   * --from} another stage, not a URL, a pattern or a here-document) is in it. A problem names the
   * Dockerfile line and what the context holds, or the target that packages a file of that name.
   */
  public List<Problem> copySourceProblems(Repository repository) {
    List<Problem> problems = new ArrayList<>();
    if (parsed.isEmpty()) {
      return problems;
    }
    for (Dockerfile.Copy copy : parsed.get().copies(buildArgs())) {
      if (copy.from().isPresent()) {
        continue; // from another stage or image, not from the context
      }
      for (String source : copy.sources()) {
        String path = source.startsWith("./") ? source.substring(2) : source;
        if (path.contains("*")
            || path.contains("?")
            || path.contains("://")
            || path.contains("$")
            || holds(path)) {
          continue;
        }
        problems.add(
            Problem.error(
                shownAs,
                copy.line(),
                "",
                COPY_SOURCE,
                copy.keyword()
                    + " "
                    + source
                    + ": not in the build context"
                    + hint(repository, path)));
      }
    }
    return problems;
  }

  private String hint(Repository repository, String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    Optional<String> similar =
        entries.keySet().stream().filter(p -> p.endsWith("/" + name) || p.equals(name)).findFirst();
    if (similar.isPresent()) {
      return "; did you mean "
          + similar.get()
          + " (from "
          + entries.get(similar.get()).owner().address()
          + ")?";
    }
    String folder = Gears.folderOf(image.target().directory());
    Optional<BinaryTarget> packaged =
        repository.targets().stream()
            .filter(t -> t.address().isUnder(folder))
            .filter(t -> t instanceof BinaryTarget)
            .map(t -> (BinaryTarget) t)
            .filter(t -> t.outputPath().endsWith("/" + name) || t.outputPath().equals(name))
            .findFirst();
    if (packaged.isPresent()) {
      return "; "
          + packaged.get().typeName()
          + " "
          + packaged.get().address()
          + " is packaged at "
          + packaged.get().outputPath()
          + (image.dependencies().contains(packaged.get().address())
              ? ""
              : " (and the image must depend on it)");
    }
    return entries.isEmpty()
        ? " (the image depends on no files or binaries)"
        : "; it holds " + String.join(", ", entries.keySet());
  }
}
