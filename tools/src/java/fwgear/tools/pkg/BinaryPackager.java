package fwgear.tools.pkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.tools.buildfile.Target.DeployJarTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Packages {@code deploy_jar} targets: each becomes a self-executing fat jar at its Pants output
 * path under {@code dist/} (e.g. {@code
 * dist/gears.project_management.src.java.project_app/bin.jar}).
 *
 * <p>Cached: a jar is rewritten only when its module's fingerprint, its main class or the preamble
 * changed, or when the file under {@code dist/} is gone or was altered.
 */
public final class BinaryPackager {
  /**
   * One jar to build: the repository-relative folder of the BUILD file (its Maven module supplies
   * the classes), the main class, and the output path relative to {@code dist/}.
   */
  public record JarBinary(Path sourceFolder, String mainClass, String outputPath) {}

  /** A packaged jar and whether this call wrote it (false: the cached one was still valid). */
  public record PackagedJar(JarBinary binary, Path jar, boolean rebuilt) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Path dist;
  private final ModuleClasspaths classpaths;
  private final FatJarBuilder builder = new FatJarBuilder();
  private final FileDigests digests;

  public BinaryPackager(Path root, Consumer<String> progress) {
    this.root = root.toAbsolutePath().normalize();
    this.dist = this.root.resolve("dist");
    this.classpaths = new ModuleClasspaths(this.root, progress);
    this.digests = FileDigests.of(this.root);
  }

  /** What a {@code deploy_jar} target asks for: its folder's module, main class and output path. */
  public static JarBinary jarBinary(DeployJarTarget target) {
    return new JarBinary(Path.of(target.directory()), target.main().value(), target.outputPath());
  }

  /** Builds (or reuses) one jar and returns its path under {@code dist/}. */
  public Path packageJar(JarBinary binary) throws IOException {
    return packageJars(List.of(binary)).get(0).jar();
  }

  /** Builds (or reuses) several jars, with at most one Maven run for all of them. */
  public List<PackagedJar> packageJars(List<JarBinary> binaries) throws IOException {
    Map<Path, ModuleClasspaths.Classpath> resolved =
        classpaths.resolveAll(binaries.stream().map(JarBinary::sourceFolder).toList());
    List<PackagedJar> packaged = new ArrayList<>();
    for (JarBinary binary : binaries) {
      ModuleClasspaths.Classpath classpath =
          resolved.values().stream()
              .filter(c -> root.resolve(binary.sourceFolder()).normalize().startsWith(c.module()))
              .max(java.util.Comparator.comparingInt(c -> c.module().getNameCount()))
              .orElseThrow();
      packaged.add(packageWith(binary, classpath));
    }
    digests.save();
    return packaged;
  }

  private PackagedJar packageWith(JarBinary binary, ModuleClasspaths.Classpath classpath)
      throws IOException {
    Path jar = dist.resolve(binary.outputPath());
    String key =
        new ContentHash()
            .add("module", classpath.fingerprint())
            .add("main", binary.mainClass())
            .add("classpath", classpath.elements().toString())
            .add("preamble", FatJarBuilder.defaultPreamble())
            .hex();
    Path record = dist.resolve(".gear/jars").resolve(binary.outputPath() + ".json");
    if (Files.isRegularFile(jar) && Files.isRegularFile(record)) {
      try {
        JarRecord cached = JSON.readValue(record.toFile(), JarRecord.class);
        if (cached.key().equals(key) && cached.sha256().equals(digests.sha256(jar))) {
          return new PackagedJar(binary, jar, false);
        }
      } catch (IOException unreadable) {
        // rebuild below
      }
    }
    builder.build(binary.mainClass(), classpath.elements(), jar);
    Files.createDirectories(record.getParent());
    Path temp = Files.createTempFile(record.getParent(), "jar", ".tmp");
    JSON.writeValue(temp.toFile(), new JarRecord(key, digests.sha256(jar)));
    Files.move(temp, record, StandardCopyOption.REPLACE_EXISTING);
    return new PackagedJar(binary, jar, true);
  }

  /** What is stored per jar: the input key and the jar's own hash. */
  record JarRecord(String key, String sha256) {}
}
