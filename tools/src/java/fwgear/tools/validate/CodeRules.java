package fwgear.tools.validate;

import static fwgear.problem.Problem.error;
import static fwgear.problem.Problem.warning;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.problem.Problem;
import fwgear.tools.buildfile.Address;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Located;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Target;
import fwgear.tools.buildfile.Target.DeployJarTarget;
import fwgear.tools.buildfile.Target.JavaSourcesTarget;
import fwgear.tools.buildfile.Target.PexBinaryTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Rule group 4, the code: {@code deploy_jar.main} names a class with a {@code main} method among
 * the Java sources of the jar (the java_sources it depends on, those of its own folder, else those
 * of the gear); {@code pex_binary.entry_point} names a file that exists; the config and input names
 * the gear's code reads from its context are declared in the manifest; a required input the code
 * never reads is a warning.
 */
public final class CodeRules implements Rule, DockerfileRules.EnvironmentUse {
  public static final String MAIN_CLASS = "code-main-class";
  public static final String ENTRY_POINT = "code-entry-point";
  public static final String CONFIG_UNDECLARED = "code-config-undeclared";
  public static final String INPUT_UNDECLARED = "code-input-undeclared";
  public static final String INPUT_UNUSED = "code-input-unused";

  private static final Pattern MAIN_METHOD =
      Pattern.compile(
          "(?:public\\s+static|static\\s+public)\\s+(?:final\\s+)?void\\s+main\\s*\\(\\s*(?:final\\s+)?"
              + "String\\s*(?:\\[\\s*]|\\.\\.\\.)\\s*[A-Za-z_$][A-Za-z0-9_$]*\\s*\\)");

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

  private final Map<String, CompletableFuture<SourceScan>> scans = new ConcurrentHashMap<>();
  private final boolean cacheScans;
  private SourceScanCache cache;

  /**
   * @param cacheScans whether to keep the scans in the repository's {@code dist/.gear} for the next
   *     run (validate does; upload's checks, which must write nothing, do not)
   */
  public CodeRules(boolean cacheScans) {
    this.cacheScans = cacheScans;
  }

  private List<Target> javaSources;

  /** The repository's java_sources targets, listed once. */
  private List<Target> javaSources(Repository repository) {
    if (javaSources == null) {
      javaSources =
          repository.targets().stream().filter(t -> t instanceof JavaSourcesTarget).toList();
    }
    return javaSources;
  }

  /**
   * Starts reading these gears' sources on another thread, so that parsing them (JavaParser's
   * warm-up in a fresh JVM is most of it) overlaps with the other checks on this one.
   */
  public void prefetch(Repository repository, List<String> gearFolders) {
    SourceScanCache cache = cache(repository);
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "source-scan");
              thread.setDaemon(true);
              return thread;
            });
    for (String folder : gearFolders) {
      scans.computeIfAbsent(
          folder,
          f ->
              CompletableFuture.supplyAsync(
                  () -> cache.scan(f, SourceScan.read(repository.root(), f)), reader));
    }
    reader.shutdown(); // the thread ends when the scans are done
  }

  /** The scan of a gear's sources, read once per gear. */
  public SourceScan scan(Gear gear) {
    CompletableFuture<SourceScan> scan =
        scans.computeIfAbsent(
            gear.folder(),
            folder ->
                CompletableFuture.completedFuture(
                    cache(gear.repository())
                        .scan(folder, SourceScan.read(gear.repository().root(), folder))));
    try {
      return scan.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private synchronized SourceScanCache cache(Repository repository) {
    if (cache == null) {
      cache = cacheScans ? SourceScanCache.load(repository.root()) : SourceScanCache.none();
    }
    return cache;
  }

  /** Stores the scans made in this run for the next (after the scans are done). */
  public void saveScans() {
    scans.values().forEach(CompletableFuture::join);
    if (cache != null) {
      cache.save();
    }
  }

  @Override
  public Set<String> variablesRead(Gear gear) {
    return scan(gear).environmentReads();
  }

  @Override
  public void check(Gear gear, List<Problem> problems) {
    gear.binary()
        .ifPresent(
            binary -> {
              if (binary instanceof DeployJarTarget jar) {
                checkMainClass(gear.repository(), jar, problems);
              } else if (binary instanceof PexBinaryTarget pex) {
                checkEntryPoint(gear.repository(), pex, problems);
              }
            });
    if (gear.manifestDocument().document().isPresent()) {
      checkNames(gear, problems);
    }
  }

  private void checkMainClass(Repository repository, DeployJarTarget jar, List<Problem> problems) {
    String className = jar.main().value();
    String relativeFile = className.replace('.', '/') + ".java";
    String simpleName = className.substring(className.lastIndexOf('.') + 1);
    String packageName =
        className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
    for (String folder : sourceFolders(repository, jar)) {
      for (Path root : packageRoots(repository.resolve(folder), packageName)) {
        Path file = root.resolve(relativeFile);
        if (!Files.isRegularFile(file)) {
          continue;
        }
        String text = read(file);
        String code = SourceScan.withoutJavaComments(text);
        String location = repositoryPath(repository, file);
        if (!declaresPackage(code, packageName)) {
          continue;
        }
        if (!MAIN_METHOD.matcher(code).find()) {
          problems.add(
              error(
                  jar.main().file(),
                  jar.main().line(),
                  "main",
                  MAIN_CLASS,
                  "deploy_jar "
                      + jar.address()
                      + ": "
                      + className
                      + " ("
                      + location
                      + ") has no public static void main(String[] args)"));
        }
        return;
      }
    }
    problems.add(
        error(
            jar.main().file(),
            jar.main().line(),
            "main",
            MAIN_CLASS,
            "deploy_jar "
                + jar.address()
                + ": main class "
                + className
                + " is not among its Java sources (looked for "
                + simpleName
                + ".java of package '"
                + packageName
                + "' in "
                + String.join(", ", sourceFolders(repository, jar))
                + ")"));
  }

  private static boolean declaresPackage(String code, String packageName) {
    java.util.regex.Matcher matcher = PACKAGE.matcher(code);
    String declared = matcher.find() ? matcher.group(1) : "";
    return declared.equals(packageName);
  }

  /** Folders the package's folder may sit in: the source folder itself, or a source root above. */
  private static List<Path> packageRoots(Path folder, String packageName) {
    List<Path> roots = new ArrayList<>();
    roots.add(folder);
    String packagePath = packageName.replace('.', '/');
    // java_sources in src/java/project_app hold package project_app: its root is the parent.
    Path candidate = folder;
    for (String ignored : packagePath.isEmpty() ? new String[0] : packagePath.split("/")) {
      candidate = candidate.getParent();
      if (candidate == null) {
        break;
      }
      roots.add(candidate);
    }
    return roots;
  }

  /**
   * The folders of the Java sources a deploy_jar holds: java_sources it depends on (transitively),
   * those of its own folder, then every java_sources folder of its gear.
   */
  private List<String> sourceFolders(Repository repository, Target jar) {
    List<String> folders = new ArrayList<>();
    Set<Address> seen = new HashSet<>();
    Deque<Address> queue = new ArrayDeque<>(jar.dependencies());
    while (!queue.isEmpty()) {
      Address address = queue.poll();
      if (!seen.add(address)) {
        continue;
      }
      repository
          .target(address)
          .ifPresent(
              t -> {
                if (t instanceof JavaSourcesTarget && !folders.contains(t.directory())) {
                  folders.add(t.directory());
                }
                queue.addAll(t.dependencies());
              });
    }
    String gearFolder = fwgearFolder(jar.directory());
    for (Target target : javaSources(repository)) {
      if ((target.directory().equals(jar.directory()) || target.address().isUnder(gearFolder))
          && !folders.contains(target.directory())) {
        folders.add(target.directory());
      }
    }
    if (folders.isEmpty()) {
      folders.add(jar.directory());
    }
    return folders;
  }

  private static String fwgearFolder(String directory) {
    int src = ("/" + directory).lastIndexOf("/src/");
    return src <= 0 ? directory : directory.substring(0, src - 1);
  }

  private static void checkEntryPoint(
      Repository repository, PexBinaryTarget pex, List<Problem> problems) {
    Optional<Located<String>> entryPoint = pex.entryPoint();
    if (entryPoint.isEmpty() || entryPoint.get().value().equals("<none>")) {
      return;
    }
    String module = entryPoint.get().value();
    int colon = module.indexOf(':');
    if (colon >= 0) {
      module = module.substring(0, colon);
    }
    List<String> candidates = new ArrayList<>();
    if (module.endsWith(".py")) {
      candidates.add(pex.pathOf(module));
    } else {
      String path = module.replace('.', '/');
      // A module is found from a source root: the BUILD folder or any folder above it.
      for (String dir = pex.directory();
          ;
          dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "") {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        candidates.add(prefix + path + ".py");
        candidates.add(prefix + path + "/__init__.py");
        if (dir.isEmpty()) {
          break;
        }
      }
    }
    if (candidates.stream().noneMatch(c -> Files.isRegularFile(repository.resolve(c)))) {
      problems.add(
          error(
              entryPoint.get().file(),
              entryPoint.get().line(),
              "entry_point",
              ENTRY_POINT,
              "pex_binary "
                  + pex.address()
                  + ": entry_point '"
                  + entryPoint.get().value()
                  + "' names no file ("
                  + candidates.get(0)
                  + " does not exist)"));
    }
  }

  private void checkNames(Gear gear, List<Problem> problems) {
    SourceScan scan = scan(gear);
    String manifest = gear.manifestPath();
    JsonNode config = gear.manifestAt("config");
    JsonNode inputs = gear.manifestAt("inputs");
    scan.configReads()
        .forEach(
            (name, where) -> {
              if (!config.has(name)) {
                problems.add(
                    error(
                        where.file(),
                        where.line(),
                        name,
                        CONFIG_UNDECLARED,
                        "the code reads config '"
                            + name
                            + "', which "
                            + manifest
                            + " does not declare"
                            + known(config)));
              }
            });
    scan.inputReads()
        .forEach(
            (name, where) -> {
              if (!inputs.has(name)) {
                problems.add(
                    error(
                        where.file(),
                        where.line(),
                        name,
                        INPUT_UNDECLARED,
                        "the code reads input '"
                            + name
                            + "', which "
                            + manifest
                            + " does not declare"
                            + known(inputs)));
              }
            });
    inputs
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode input = entry.getValue();
              String base = input.path("base").asText("");
              boolean optional = input.path("optional").asBoolean(false);
              if (base.equals("api-key")
                  || optional
                  || scan.inputReads().containsKey(entry.getKey())
                  || scan.inconclusive(entry.getKey())) {
                return; // an api-key input is read by the client factories, not by name
              }
              problems.add(
                  warning(
                      manifest,
                      gear.manifestLine("inputs." + entry.getKey()),
                      "inputs." + entry.getKey(),
                      INPUT_UNUSED,
                      "required input '"
                          + entry.getKey()
                          + "' is never read by the gear's code"
                          + (scan.files().isEmpty()
                              ? " (no sources under " + gear.folder() + "/src)"
                              : "")));
            });
  }

  private static String known(JsonNode declared) {
    List<String> names = new ArrayList<>();
    declared.fieldNames().forEachRemaining(names::add);
    return names.isEmpty()
        ? " (it declares none)"
        : " (it declares " + String.join(", ", names) + ")";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static String repositoryPath(Repository repository, Path file) {
    return repository
        .root()
        .relativize(file.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }
}
