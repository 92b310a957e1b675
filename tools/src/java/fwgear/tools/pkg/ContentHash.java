package fwgear.tools.pkg;

import java.io.IOException;
import java.io.InputStream;
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
  private final byte[] buffer = new byte[64 * 1024];

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

  /** Adds {@code file}'s name relative to {@code base} and its bytes (or a marker if missing). */
  public ContentHash addFile(Path base, Path file) throws IOException {
    update("file");
    update(base.relativize(file).toString());
    if (!Files.isRegularFile(file)) {
      update("<missing>");
      return this;
    }
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    update(Files.isExecutable(file) ? "x" : "-");
    return this;
  }

  /** Adds every regular file under {@code folder}, sorted by path; nothing if it does not exist. */
  public ContentHash addTree(Path base, Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return this;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      addFile(base, file);
    }
    return this;
  }

  public String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 of one file's bytes. */
  public static String ofFile(Path file) throws IOException {
    ContentHash hash = new ContentHash();
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(hash.buffer); read >= 0; read = in.read(hash.buffer)) {
        hash.digest.update(hash.buffer, 0, read);
      }
    }
    return hash.hex();
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
