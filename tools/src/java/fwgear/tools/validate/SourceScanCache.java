package fwgear.tools.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scans of gears' sources from earlier runs of validate, by the sources' content, in {@code
 * dist/.gear/source-scans.json} (beside package's class-path cache): a gear whose sources did not
 * change is not parsed again. The key also holds the tool's own build, so a new scanner never reads
 * an old scanner's answers. The cache is an optimisation only: unreadable, it is ignored;
 * unwritable, nothing is stored.
 */
final class SourceScanCache {
  static final String FILE = "dist/.gear/source-scans.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One gear's scan and the key of the sources it was made from. */
  record Entry(String key, SourceScan scan) {}

  private final Path file;
  private final Map<String, Entry> entries;
  private volatile boolean changed;

  private SourceScanCache(Path file, Map<String, Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  /** No cache: every gear is scanned, nothing is written (upload's checks, tests). */
  static SourceScanCache none() {
    return new SourceScanCache(null, new ConcurrentHashMap<>());
  }

  static SourceScanCache load(Path root) {
    Path file = root.resolve(FILE);
    Map<String, Entry> entries = new ConcurrentHashMap<>();
    if (Files.isRegularFile(file)) {
      try {
        // The tree, read by hand: binding records through reflection costs more at start-up.
        JSON.readTree(file.toFile())
            .fields()
            .forEachRemaining(gear -> entries.put(gear.getKey(), entry(gear.getValue())));
      } catch (IOException | RuntimeException unreadable) {
        entries.clear(); // an old or broken cache: scan everything again
      }
    }
    return new SourceScanCache(file, entries);
  }

  private static Entry entry(JsonNode node) {
    return new Entry(
        node.path("key").asText(),
        new SourceScan(
            locations(node.path("config")),
            locations(node.path("inputs")),
            strings(node.path("environment")),
            List.copyOf(strings(node.path("files"))),
            strings(node.path("passed")),
            node.path("inputsInconclusive").asBoolean()));
  }

  private static Map<String, SourceScan.Location> locations(JsonNode node) {
    Map<String, SourceScan.Location> locations = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e ->
                locations.put(
                    e.getKey(),
                    new SourceScan.Location(
                        e.getValue().path("file").asText(), e.getValue().path("line").asInt())));
    return locations;
  }

  private static Set<String> strings(JsonNode node) {
    Set<String> strings = new LinkedHashSet<>();
    node.forEach(value -> strings.add(value.asText()));
    return strings;
  }

  private static ObjectNode json(Entry entry) {
    ObjectNode node = JSON.createObjectNode().put("key", entry.key());
    SourceScan scan = entry.scan();
    List.of(Map.entry("config", scan.configReads()), Map.entry("inputs", scan.inputReads()))
        .forEach(
            reads -> {
              ObjectNode names = node.putObject(reads.getKey());
              reads
                  .getValue()
                  .forEach(
                      (name, where) ->
                          names
                              .putObject(name)
                              .put("file", where.file())
                              .put("line", where.line()));
            });
    scan.environmentReads().forEach(node.putArray("environment")::add);
    scan.files().forEach(node.putArray("files")::add);
    scan.passedToCalls().forEach(node.putArray("passed")::add);
    node.put("inputsInconclusive", scan.inputsInconclusive());
    return node;
  }

  /** The scan of a gear's sources (by file name), from the cache when they did not change. */
  SourceScan scan(String folder, Map<String, String> texts) {
    String key = key(texts);
    Entry entry = entries.get(folder);
    if (entry != null && entry.key().equals(key)) {
      return entry.scan();
    }
    SourceScan scan = SourceScan.scan(texts);
    entries.put(folder, new Entry(key, scan));
    changed = true;
    return scan;
  }

  /** Writes the cache when a scan was added (in one move, so a reader never sees half of it). */
  void save() {
    if (!changed || file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), "source-scans", ".tmp");
      ObjectNode all = JSON.createObjectNode();
      entries.forEach((gear, entry) -> all.set(gear, json(entry)));
      JSON.writeValue(temp.toFile(), all);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException unwritable) {
      // a read-only checkout: validate still works, it only parses again next time
    }
  }

  /**
   * A 64-bit FNV-1a digest of the tool's build and of every source file's name and text: enough for
   * a cache of one repository's gears, and no security provider to load at start-up.
   */
  private static String key(Map<String, String> texts) {
    long hash = fnv(0xcbf29ce484222325L, TOOL);
    long length = 0;
    for (Map.Entry<String, String> file : texts.entrySet()) {
      hash = fnv(fnv(hash, file.getKey()), file.getValue());
      length += file.getValue().length();
    }
    return Long.toHexString(hash) + "-" + texts.size() + "-" + length;
  }

  private static long fnv(long hash, String text) {
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
    }
    return (hash ^ 0xff) * 0x100000001b3L; // a separator, so that "ab"+"c" differs from "a"+"bc"
  }

  /** The tool's build: where its classes are and when they were built. */
  private static final String TOOL = toolBuild();

  private static String toolBuild() {
    try {
      Path classes =
          Path.of(SourceScan.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(classes)) {
        return "unknown@" + System.nanoTime(); // a class folder (tests): its time says little
      }
      return classes + "@" + Files.getLastModifiedTime(classes).toMillis();
    } catch (Exception unknown) {
      return "unknown@" + System.nanoTime(); // no cache hits rather than stale ones
    }
  }
}
