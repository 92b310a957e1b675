package fwgear.tools.pkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.tools.maven.Reactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The runtime class path of the Maven module that holds a BUILD folder's sources: its compiled
 * classes, then its runtime dependencies (reactor modules as their class folders).
 *
 * <p>Maven is slow to start, so its answer is cached under {@code dist/.gear/classpath/}, keyed by
 * a hash of everything that can change it: the aggregator poms and the poms and sources of the
 * module and the reactor modules it depends on. Only a change there runs Maven again (one reactor
 * run for all the modules asked for at once).
 */
public final class ModuleClasspaths {
  /** A module's class path and the fingerprint of the inputs it was built from. */
  public record Classpath(Path module, String fingerprint, List<Path> elements) {}

  private static final List<String> SOURCE_FOLDERS =
      List.of("src/java", "src/resources", "src/main/java", "src/main/resources");
  private static final String CLASSPATH_FILE = "target/fwgear-runtime.classpath";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Path cacheDir;
  private final Consumer<String> progress;
  private final FileDigests digests;
  private Reactor reactor;

  public ModuleClasspaths(Path root, Consumer<String> progress) {
    this.root = root.toAbsolutePath().normalize();
    this.cacheDir = this.root.resolve("dist/.gear/classpath");
    this.progress = progress;
    this.digests = FileDigests.of(this.root);
  }

  /** The class path of the module holding {@code sourceFolder}. */
  public Classpath resolve(Path sourceFolder) throws IOException {
    return resolveAll(List.of(sourceFolder)).get(folder(moduleOf(sourceFolder)));
  }

  /** The class paths of the modules holding these folders, keyed by module folder. */
  public Map<Path, Classpath> resolveAll(Collection<Path> sourceFolders) throws IOException {
    Set<Path> modules = new LinkedHashSet<>();
    for (Path folder : sourceFolders) {
      modules.add(moduleOf(folder));
    }
    Map<Path, Classpath> resolved = new LinkedHashMap<>();
    List<Path> stale = new ArrayList<>();
    for (Path module : modules) {
      Classpath cached = cached(module);
      if (cached != null) {
        resolved.put(folder(module), cached);
      } else {
        stale.add(module);
      }
    }
    if (!stale.isEmpty()) {
      runMaven(stale);
      for (Path module : stale) {
        resolved.put(folder(module), store(module));
      }
    }
    return resolved;
  }

  /** The module (its folder, relative to the root) whose sources hold {@code folder}. */
  private Path moduleOf(Path folder) throws IOException {
    if (reactor == null) {
      reactor = Reactor.load(root);
    }
    Path absolute = root.resolve(folder).normalize();
    return reactor
        .moduleOf(root.relativize(absolute))
        .orElseThrow(
            () ->
                new IOException(
                    root.relativize(absolute)
                        + ": no Maven module holds these sources (no pom.xml listed in the"
                        + " root pom's <modules> at or above it)"));
  }

  /** A hash of the poms and sources that decide the module's class path. */
  String fingerprint(Path module) throws IOException {
    ContentHash hash = new ContentHash();
    for (Path pom : reactor.aggregatorPoms()) {
      hash.addFile(root, root.resolve(pom), digests);
    }
    List<Path> closure = new ArrayList<>(reactor.withDependencies(module));
    closure.sort(java.util.Comparator.comparing(Path::toString));
    for (Path member : closure) {
      hash.addFile(root, folder(member).resolve("pom.xml"), digests);
      for (String sources : SOURCE_FOLDERS) {
        hash.addTree(root, folder(member).resolve(sources), digests);
      }
    }
    return hash.hex();
  }

  /** A module's folder, absolute. */
  private Path folder(Path module) {
    return root.resolve(module).normalize();
  }

  private Path cacheFile(Path module) {
    String key = module.toString().replace('/', '.');
    return cacheDir.resolve((key.isEmpty() ? "_root" : key) + ".json");
  }

  private Classpath cached(Path module) throws IOException {
    Path file = cacheFile(module);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    CacheRecord record;
    try {
      record = JSON.readValue(file.toFile(), CacheRecord.class);
    } catch (IOException unreadable) {
      return null;
    }
    List<Path> elements = record.elements().stream().map(Path::of).toList();
    if (!record.fingerprint().equals(fingerprint(module))
        || !elements.stream().allMatch(Files::exists)) {
      return null;
    }
    return new Classpath(folder(module), record.fingerprint(), elements);
  }

  private Classpath store(Path module) throws IOException {
    Path listing = folder(module).resolve(CLASSPATH_FILE);
    List<Path> elements = new ArrayList<>();
    elements.add(folder(module).resolve("target/classes"));
    String text = Files.readString(listing, StandardCharsets.UTF_8).strip();
    if (!text.isEmpty()) {
      for (String element : text.split(java.io.File.pathSeparator)) {
        elements.add(Path.of(element));
      }
    }
    // The build may have reformatted sources (Spotless), so fingerprint what is there now.
    String fingerprint = fingerprint(module);
    Files.createDirectories(cacheDir);
    Path temp = Files.createTempFile(cacheDir, "classpath", ".tmp");
    JSON.writeValue(
        temp.toFile(),
        new CacheRecord(fingerprint, elements.stream().map(Path::toString).toList()));
    Files.move(temp, cacheFile(module), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new Classpath(folder(module), fingerprint, elements);
  }

  private void runMaven(List<Path> modules) throws IOException {
    List<String> names = modules.stream().map(Path::toString).toList();
    progress.accept(
        "compiling "
            + String.join(", ", names.stream().map(n -> n.isEmpty() ? "." : n).toList())
            + " with Maven...");
    List<String> command =
        new ArrayList<>(List.of(maven(), "-B", "-q", "-f", root.resolve("pom.xml").toString()));
    List<String> selected = names.stream().filter(name -> !name.isEmpty()).toList();
    if (!selected.isEmpty()) {
      command.addAll(List.of("-pl", String.join(",", selected), "-am"));
    }
    command.addAll(
        List.of(
            "compile",
            "dependency:build-classpath",
            "-DincludeScope=runtime",
            "-Dmdep.outputFile=" + CLASSPATH_FILE));
    CommandRunner.Result result = CommandRunner.run(command, root);
    if (!result.ok()) {
      throw new IOException(
          "the Maven build of " + String.join(", ", names) + " failed:\n" + result.tail(30));
    }
  }

  private static String maven() {
    String configured = System.getenv("GEAR_MAVEN");
    return configured == null || configured.isBlank() ? "mvn" : configured;
  }

  /** What is stored per module. */
  record CacheRecord(String fingerprint, List<String> elements) {}
}
