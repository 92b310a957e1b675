package fwgear.tools.pkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over labelled values and file contents, in the order they are added. Paths are added by
 * name relative to a base, so the same tree in another checkout hashes the same.
 */
public final class ContentHash {
  private final MessageDigest digest;

  public ContentHash() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public ContentHash add(String label, String value) {
    update(label);
    update(value);
    return this;
  }

  /**
   * Adds {@code file}'s name relative to {@code base}, its SHA-256 (remembered in {@code digests})
   * and whether it is executable; a missing file adds a marker.
   */
  public ContentHash addFile(Path base, Path file, FileDigests digests) throws IOException {
    update("file");
    update(base.relativize(file).toString());
    if (!Files.isRegularFile(file)) {
      update("<missing>");
      return this;
    }
    update(digests.sha256(file));
    update(Files.isExecutable(file) ? "x" : "-");
    return this;
  }

  /** Adds every regular file under {@code folder}, sorted by path; nothing if it does not exist. */
  public ContentHash addTree(Path base, Path folder, FileDigests digests) throws IOException {
    if (!Files.isDirectory(folder)) {
      return this;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      addFile(base, file, digests);
    }
    return this;
  }

  public String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private void update(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update((byte) (bytes.length >>> 24));
    digest.update((byte) (bytes.length >>> 16));
    digest.update((byte) (bytes.length >>> 8));
    digest.update((byte) bytes.length);
    digest.update(bytes);
  }
}
