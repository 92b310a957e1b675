package fwgear.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The emulator's state: JSON documents by kind and id, and file contents, kept in an embedded H2
 * database (a file under the data folder, or in memory).
 *
 * <p>The database is the source of truth; a copy of every document is held in memory so that
 * listings and filters are fast. Writes are serialised: each one is committed to H2 first, and only
 * then becomes visible, so a unique constraint (group id, project label in its group) decides a
 * race between two creates and the loser gets 409. Documents handed out by {@link #list} and {@link
 * #get} must not be modified.
 */
final class Store implements AutoCloseable {
  /** Thrown when a write would break a unique key (same id, or same project label in a group). */
  static final class DuplicateException extends Exception {
    DuplicateException() {
      super(null, null, false, false);
    }
  }

  private final ObjectMapper json;
  private final Connection db;
  private final Map<String, Function<ObjectNode, String>> uniqueKeys;
  private final Map<String, ConcurrentSkipListMap<String, ObjectNode>> documents =
      new ConcurrentHashMap<>();
  private final Object writeLock = new Object();

  private final FolderLock folderLock;

  private Store(
      ObjectMapper json,
      Connection db,
      Map<String, Function<ObjectNode, String>> uniqueKeys,
      FolderLock folderLock) {
    this.json = json;
    this.db = db;
    this.uniqueKeys = uniqueKeys;
    this.folderLock = folderLock;
  }

  /**
   * One server per data folder: H2 would let a second server of the same JVM share the files, but
   * each server keeps its own copy of the documents in memory, so the copies would drift apart.
   */
  private static final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    static FolderLock acquire(Path dir) {
      Path file = dir.resolve("emulator.lock");
      try {
        FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          channel.close();
          throw new IllegalStateException(
              "cannot open the emulator database: another emulator uses the data folder " + dir);
        }
        return new FolderLock(channel, lock);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot lock the data folder " + dir, e);
      }
    }

    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // The lock goes with the process anyway.
      }
    }
  }

  /**
   * Opens (creating when needed) the database in {@code dataDir}, or a fresh in-memory one.
   *
   * @param uniqueKeys per kind, the value that must be unique among documents of that kind (null
   *     for none)
   */
  static Store open(
      ObjectMapper json,
      Optional<Path> dataDir,
      Map<String, Function<ObjectNode, String>> uniqueKeys) {
    String url;
    FolderLock folderLock = null;
    if (dataDir.isPresent()) {
      try {
        Files.createDirectories(dataDir.get());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data folder " + dataDir.get(), e);
      }
      folderLock = FolderLock.acquire(dataDir.get());
      url = "jdbc:h2:file:" + dataDir.get().toAbsolutePath().resolve("flywheel");
    } else {
      url = "jdbc:h2:mem:emulator-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
    try {
      Connection db = DriverManager.getConnection(url, "sa", "");
      try (Statement create = db.createStatement()) {
        create.execute(
            "CREATE TABLE IF NOT EXISTS documents (kind VARCHAR(32) NOT NULL,"
                + " id VARCHAR(512) NOT NULL, unique_key VARCHAR(1024), body VARCHAR NOT NULL,"
                + " PRIMARY KEY (kind, id), UNIQUE (kind, unique_key))");
        create.execute(
            "CREATE TABLE IF NOT EXISTS blobs (id VARCHAR(64) PRIMARY KEY, content BLOB NOT NULL)");
      }
      Store store = new Store(json, db, uniqueKeys, folderLock);
      store.loadAll();
      return store;
    } catch (SQLException e) {
      if (folderLock != null) {
        folderLock.close();
      }
      String hint =
          e.getErrorCode() == 90020
              ? " (is another emulator using the data folder " + dataDir.orElse(null) + "?)"
              : "";
      throw new IllegalStateException(
          "cannot open the emulator database: " + e.getMessage() + hint, e);
    }
  }

  private void loadAll() throws SQLException {
    try (Statement select = db.createStatement();
        ResultSet rows = select.executeQuery("SELECT kind, id, body FROM documents")) {
      while (rows.next()) {
        kind(rows.getString(1)).put(rows.getString(2), parse(rows.getString(3)));
      }
    }
  }

  private ObjectNode parse(String body) {
    try {
      return (ObjectNode) json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored document is not JSON", e);
    }
  }

  private ConcurrentSkipListMap<String, ObjectNode> kind(String kind) {
    return documents.computeIfAbsent(kind, k -> new ConcurrentSkipListMap<>());
  }

  boolean isEmpty() {
    return documents.values().stream().allMatch(Map::isEmpty);
  }

  /** The documents of a kind in id order (read-only). */
  Collection<ObjectNode> list(String kind) {
    return kind(kind).values();
  }

  /** One document (read-only), or empty. */
  Optional<ObjectNode> get(String kind, String id) {
    return Optional.ofNullable(kind(kind).get(id));
  }

  /** Adds a new document; its id must not exist and its unique key must be free. */
  void insert(String kind, String id, ObjectNode document) throws DuplicateException {
    synchronized (writeLock) {
      if (kind(kind).containsKey(id)) {
        throw new DuplicateException();
      }
      write(kind, id, document, true);
      kind(kind).put(id, document.deepCopy());
    }
  }

  /**
   * Changes a document atomically: {@code change} gets a private copy and returns the new version.
   * Empty when there is no such document.
   */
  Optional<ObjectNode> update(String kind, String id, UnaryOperator<ObjectNode> change)
      throws DuplicateException {
    synchronized (writeLock) {
      ObjectNode current = kind(kind).get(id);
      if (current == null) {
        return Optional.empty();
      }
      ObjectNode changed = change.apply(current.deepCopy());
      write(kind, id, changed, false);
      kind(kind).put(id, changed.deepCopy());
      return Optional.of(changed);
    }
  }

  boolean delete(String kind, String id) {
    synchronized (writeLock) {
      try (PreparedStatement delete =
          db.prepareStatement("DELETE FROM documents WHERE kind = ? AND id = ?")) {
        delete.setString(1, kind);
        delete.setString(2, id);
        delete.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot delete from the emulator database", e);
      }
      return kind(kind).remove(id) != null;
    }
  }

  private void write(String kind, String id, ObjectNode document, boolean insert)
      throws DuplicateException {
    Function<ObjectNode, String> uniqueKey = uniqueKeys.get(kind);
    String sql =
        insert
            ? "INSERT INTO documents (unique_key, body, kind, id) VALUES (?, ?, ?, ?)"
            : "UPDATE documents SET unique_key = ?, body = ? WHERE kind = ? AND id = ?";
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, uniqueKey == null ? null : uniqueKey.apply(document));
      statement.setString(2, json.writeValueAsString(document));
      statement.setString(3, kind);
      statement.setString(4, id);
      statement.executeUpdate();
    } catch (SQLException e) {
      if (e.getErrorCode() == 23505) { // unique constraint violated
        throw new DuplicateException();
      }
      throw new IllegalStateException("cannot write to the emulator database", e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a document", e);
    }
  }

  void putBlob(String id, byte[] content) {
    synchronized (writeLock) {
      try (PreparedStatement merge =
          db.prepareStatement("MERGE INTO blobs (id, content) KEY (id) VALUES (?, ?)")) {
        merge.setString(1, id);
        merge.setBytes(2, content);
        merge.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot store a file in the emulator database", e);
      }
    }
  }

  Optional<byte[]> getBlob(String id) {
    synchronized (writeLock) {
      return readBlob(id);
    }
  }

  private Optional<byte[]> readBlob(String id) {
    try (PreparedStatement select = db.prepareStatement("SELECT content FROM blobs WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a file from the emulator database", e);
    }
  }

  /** Every id of a kind, for tests and the admin view. */
  List<String> ids(String kind) {
    return new ArrayList<>(kind(kind).keySet());
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      try {
        try (Statement shutdown = db.createStatement()) {
          shutdown.execute("SHUTDOWN");
        }
        db.close();
      } catch (SQLException e) {
        // Closing twice, or the database already shut down: nothing left to release.
      }
      if (folderLock != null) {
        folderLock.close();
      }
    }
  }
}
