package fwgear.tools.pkg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes a self-executing fat jar: a POSIX shell preamble that finds {@code java}, then one zip
 * holding the classes and resources of a class path, with {@code Main-Class} set.
 *
 * <p>Merging follows Pants' {@code deploy_jar} defaults: the first entry of a name on the class
 * path wins (the class path's own rule), {@code META-INF/services/*} files are concatenated, module
 * descriptors ({@code module-info.class}, also under {@code META-INF/versions/N/}) and signature
 * files are dropped (a merged jar cannot keep a signed jar's digests valid). The output is
 * reproducible: entries sorted by name, one fixed timestamp, no build-specific manifest fields, so
 * the same inputs give the same bytes.
 */
public final class FatJarBuilder {
  /** The timestamp of every entry (DOS time, no zone): 2026-01-01, as the Maven build's own. */
  static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

  private static final Pattern SIGNATURE =
      Pattern.compile(
          "META-INF/[^/]+\\.(SF|DSA|RSA|EC)|META-INF/SIG-[^/]*", Pattern.CASE_INSENSITIVE);
  private static final Set<String> DROPPED =
      Set.of(JarFile.MANIFEST_NAME, "META-INF/INDEX.LIST", "module-info.class");

  /**
   * A library's module descriptor, in the base or a release folder of a multi-release jar: the fat
   * jar is no module (one library's descriptor would make the whole jar that module, to jdeps and
   * any module-path tool), so every one is dropped.
   */
  private static final Pattern MODULE_INFO =
      Pattern.compile("(META-INF/versions/[0-9]+/)?module-info\\.class");

  private static final String SERVICES = "META-INF/services/";

  private final String preamble;

  public FatJarBuilder() {
    this(defaultPreamble());
  }

  FatJarBuilder(String preamble) {
    this.preamble = preamble;
  }

  /** The shell preamble written before the zip. */
  public static String defaultPreamble() {
    try (InputStream in = FatJarBuilder.class.getResourceAsStream("preamble.sh")) {
      if (in == null) {
        throw new IllegalStateException("preamble.sh missing from the gear tools jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The preamble for {@code mainClass}, which it starts with {@code -cp} rather than {@code -jar}.
   */
  String preamble(String mainClass) {
    if (!JAVA_NAME.matcher(mainClass).matches()) {
      throw new IllegalArgumentException("not a Java class name: " + mainClass);
    }
    return preamble.replace(MAIN_CLASS, mainClass);
  }

  /** Where the preamble takes the main class. */
  static final String MAIN_CLASS = "@MAIN_CLASS@";

  private static final Pattern JAVA_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  /**
   * Writes the jar of {@code mainClass} and {@code classPath} (folders and jars, in class-path
   * order) to {@code output}, replacing it atomically and marking it executable.
   */
  public Path build(String mainClass, List<Path> classPath, Path output) throws IOException {
    Contents contents = new Contents();
    for (Path element : classPath) {
      if (Files.isDirectory(element)) {
        contents.addFolder(element);
      } else if (Files.isRegularFile(element)) {
        contents.addJar(element);
      } else {
        throw new IOException("class path element not found: " + element);
      }
    }
    Path parent = output.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, output.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        out.write(preamble(mainClass).getBytes(StandardCharsets.UTF_8));
        writeZip(out, manifest(mainClass, contents.multiRelease), contents.entries);
      }
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return output;
  }

  private static byte[] manifest(String mainClass, boolean multiRelease) throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, mainClass);
    attributes.putValue("Created-By", "fwgear ./gear package");
    if (multiRelease) {
      attributes.put(Attributes.Name.MULTI_RELEASE, "true");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    manifest.write(bytes);
    return bytes.toByteArray();
  }

  private static void writeZip(OutputStream out, byte[] manifest, Map<String, byte[]> entries)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    // The manifest comes first (JarInputStream only finds it there), then everything by name.
    Set<String> folders = new LinkedHashSet<>();
    folders.add("META-INF/");
    writeFolder(zip, "META-INF/");
    writeFile(zip, JarFile.MANIFEST_NAME, manifest);
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      String name = entry.getKey();
      for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
        String folder = name.substring(0, slash + 1);
        if (folders.add(folder)) {
          writeFolder(zip, folder);
        }
      }
      writeFile(zip, name, entry.getValue());
    }
    zip.finish();
  }

  private static void writeFolder(ZipOutputStream zip, String name) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.closeEntry();
  }

  private static void writeFile(ZipOutputStream zip, String name, byte[] content)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  /** The merged entries, sorted by name (a folder's files before a sibling folder's). */
  private static final class Contents {
    final Map<String, byte[]> entries = new TreeMap<>(Comparator.naturalOrder());
    boolean multiRelease;

    void addFolder(Path folder) throws IOException {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
      files.sort(Comparator.naturalOrder());
      for (Path file : files) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        if (name.equals(JarFile.MANIFEST_NAME)) {
          multiRelease |= isMultiRelease(Files.readAllBytes(file));
        }
        add(name, Files.readAllBytes(file));
      }
    }

    void addJar(Path jar) throws IOException {
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
        for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
          if (entry.isDirectory()) {
            continue;
          }
          byte[] content = in.readAllBytes();
          if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
            multiRelease |= isMultiRelease(content);
          }
          add(entry.getName(), content);
        }
      }
    }

    private void add(String name, byte[] content) {
      if (DROPPED.contains(name)
          || SIGNATURE.matcher(name).matches()
          || MODULE_INFO.matcher(name).matches()) {
        return;
      }
      if (name.startsWith(SERVICES) && name.length() > SERVICES.length()) {
        entries.merge(name, content, Contents::concatLines);
      } else {
        entries.putIfAbsent(name, content);
      }
    }

    private static byte[] concatLines(byte[] first, byte[] second) {
      ByteArrayOutputStream merged = new ByteArrayOutputStream();
      merged.writeBytes(first);
      if (first.length > 0 && first[first.length - 1] != '\n') {
        merged.write('\n');
      }
      merged.writeBytes(second);
      return merged.toByteArray();
    }

    private static boolean isMultiRelease(byte[] manifest) throws IOException {
      Attributes attributes =
          new Manifest(new java.io.ByteArrayInputStream(manifest)).getMainAttributes();
      return "true".equalsIgnoreCase(attributes.getValue(Attributes.Name.MULTI_RELEASE));
    }
  }
}
