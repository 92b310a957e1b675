package fwgear.tools.pkg;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 digests of files, remembered by path, size and modification time (in {@code
 * dist/.gear/digests.json}) so that a no-op {@code ./gear package} does not read every jar again.
 * As git does with its index, a digest is trusted only for a file last modified well before it was
 * hashed: a file changed within the same clock tick as its hashing is hashed again.
 */
public final class FileDigests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Path, FileDigests> BY_STORE = new ConcurrentHashMap<>();
  private static final long RACY_MILLIS = 2000;

  /** What is remembered of one file. */
  record Entry(long size, long modifiedMillis, long hashedAtMillis, String sha256) {}

  private final Path store;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private boolean changed;

  private FileDigests(Path store) {
    this.store = store;
    if (Files.isRegularFile(store)) {
      try {
        entries.putAll(JSON.readValue(store.toFile(), new TypeReference<Map<String, Entry>>() {}));
      } catch (IOException unreadable) {
        // start afresh
      }
    }
  }

  /** The digests remembered for the repository at {@code root}. */
  public static FileDigests of(Path root) {
    Path store = root.toAbsolutePath().normalize().resolve("dist/.gear/digests.json");
    return BY_STORE.computeIfAbsent(store, FileDigests::new);
  }

  /** The SHA-256 (hex) of the file's bytes. */
  public String sha256(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
    long modified = attributes.lastModifiedTime().toMillis();
    String key = absolute.toString();
    Entry known = entries.get(key);
    if (known != null
        && known.size() == attributes.size()
        && known.modifiedMillis() == modified
        && modified < known.hashedAtMillis() - RACY_MILLIS) {
      return known.sha256();
    }
    long hashedAt = System.currentTimeMillis();
    String sha256 = compute(absolute);
    entries.put(key, new Entry(attributes.size(), modified, hashedAt, sha256));
    changed = true;
    return sha256;
  }

  /** Writes what was learnt, if anything. */
  public synchronized void save() throws IOException {
    if (!changed) {
      return;
    }
    entries.keySet().removeIf(path -> !Files.exists(Path.of(path)));
    Files.createDirectories(store.getParent());
    Path temp = Files.createTempFile(store.getParent(), "digests", ".tmp");
    JSON.writeValue(temp.toFile(), entries);
    Files.move(temp, store, StandardCopyOption.REPLACE_EXISTING);
    changed = false;
  }

  static String compute(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
