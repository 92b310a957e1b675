package fwgear.tools.ignore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Whether a path of a repository is ignored, by JGit's implementation of gitignore rules, in one of
 * two ways:
 *
 * <ul>
 *   <li>{@link #git}: as {@code git check-ignore} judges it: every {@code .gitignore} from the root
 *       down to the path's folder, the deepest matching rule deciding, {@code !} re-including, a
 *       folder that is ignored hiding everything in it;
 *   <li>{@link #pants}: as Pants finds BUILD files: the root {@code .gitignore} (Pants' {@code
 *       pants_ignore_use_gitignore}), then the {@code pants_ignore} patterns, one list applied at
 *       the root where the last matching pattern decides (so {@code '!keep'} re-includes).
 * </ul>
 *
 * <p>Each {@code .gitignore} is read once, when a path below it is first asked about.
 */
public final class GitIgnores {
  private final Path root;
  private final boolean nested;
  private final List<FastIgnoreRule> rootRules;
  private final List<String> rootSources;
  private final Map<String, Optional<IgnoreNode>> nodes = new HashMap<>();
  private final Map<String, Optional<Decision>> folders = new HashMap<>();

  /** What decided that a path is ignored: the file (or settings key) and the pattern. */
  public record Decision(String source, String pattern) {}

  private GitIgnores(
      Path root, boolean nested, boolean rootFile, List<String> patterns, String patternSource) {
    this.root = root;
    this.nested = nested;
    List<FastIgnoreRule> rules = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    if (rootFile) {
      node("").ifPresent(n -> n.getRules().forEach(r -> add(rules, sources, r, ".gitignore")));
    }
    for (String pattern : patterns) {
      String line = pattern.strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        add(rules, sources, new FastIgnoreRule(line), patternSource);
      }
    }
    this.rootRules = rules;
    this.rootSources = List.copyOf(sources);
  }

  private static void add(
      List<FastIgnoreRule> rules, List<String> sources, FastIgnoreRule rule, String source) {
    if (!rule.isEmpty()) {
      rules.add(rule);
      sources.add(source);
    }
  }

  /** As git judges: every {@code .gitignore} file of the repository. */
  public static GitIgnores git(Path root) {
    return new GitIgnores(root, true, false, List.of(), "");
  }

  /**
   * As Pants judges which files it reads: the root {@code .gitignore} (when {@code useGitignore})
   * and then the patterns (gitignore syntax, relative to the root).
   *
   * @param patternSource what the patterns are called in a {@link Decision} ({@code pants.toml:
   *     GLOBAL.pants_ignore})
   */
  public static GitIgnores pants(
      Path root, List<String> patterns, boolean useGitignore, String patternSource) {
    return new GitIgnores(root, false, useGitignore, patterns, patternSource);
  }

  /**
   * Whether the path is ignored.
   *
   * @param path relative to the root, {@code /}-separated
   */
  public boolean isIgnored(String path, boolean directory) {
    return decision(path, directory).isPresent();
  }

  /** The rule that makes the path ignored; empty when it is not ignored. */
  public Optional<Decision> decision(String path, boolean directory) {
    String clean = trim(path);
    if (clean.isEmpty()) {
      return Optional.empty();
    }
    int slash = clean.lastIndexOf('/');
    if (slash > 0) {
      Optional<Decision> parent = folderDecision(clean.substring(0, slash));
      if (parent.isPresent()) {
        return parent; // git does not look inside an ignored folder
      }
    }
    return own(clean, directory);
  }

  private Optional<Decision> folderDecision(String folder) {
    Optional<Decision> known = folders.get(folder);
    if (known == null) {
      known = decision(folder, true);
      folders.put(folder, known);
    }
    return known;
  }

  /** The rules of the path's own folders, deepest first; then the root rules. */
  private Optional<Decision> own(String path, boolean directory) {
    if (nested) {
      String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
      while (true) {
        Optional<IgnoreNode> node = node(folder);
        if (node.isPresent()) {
          String relative = folder.isEmpty() ? path : path.substring(folder.length() + 1);
          int match = lastMatch(node.get().getRules(), relative, directory);
          if (match >= 0) {
            FastIgnoreRule rule = node.get().getRules().get(match);
            return rule.getResult()
                ? Optional.of(
                    new Decision(
                        folder.isEmpty() ? ".gitignore" : folder + "/.gitignore", rule.toString()))
                : Optional.empty();
          }
        }
        if (folder.isEmpty()) {
          break;
        }
        folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
      }
    }
    int match = lastMatch(rootRules, path, directory);
    if (match >= 0 && rootRules.get(match).getResult()) {
      return Optional.of(new Decision(rootSources.get(match), rootRules.get(match).toString()));
    }
    return Optional.empty();
  }

  /** The index of the last rule that matches the path (git's "last match wins"), or -1. */
  private static int lastMatch(List<FastIgnoreRule> rules, String relative, boolean directory) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      if (rules.get(i).isMatch(relative, directory, true)) {
        return i;
      }
    }
    return -1;
  }

  private Optional<IgnoreNode> node(String folder) {
    return nodes.computeIfAbsent(
        folder,
        f -> {
          Path file = (f.isEmpty() ? root : root.resolve(f)).resolve(".gitignore");
          if (!Files.isRegularFile(file)) {
            return Optional.empty();
          }
          IgnoreNode node = new IgnoreNode();
          try (InputStream in = Files.newInputStream(file)) {
            node.parse(in);
          } catch (IOException e) {
            return Optional.empty();
          }
          return Optional.of(node);
        });
  }

  private static String trim(String path) {
    String clean = path.replace('\\', '/');
    while (clean.startsWith("./")) {
      clean = clean.substring(2);
    }
    while (clean.startsWith("/")) {
      clean = clean.substring(1);
    }
    while (clean.endsWith("/")) {
      clean = clean.substring(0, clean.length() - 1);
    }
    return clean;
  }
}
