package fwgear.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The emulator's state: JSON documents by kind and id, and file contents, in an embedded SQLite
 * database ({@code flywheel.db} under the data folder, or in memory).
 *
 * <p><b>Durability.</b> The database runs in WAL mode with {@code synchronous=FULL}: a commit
 * returns only after the WAL is fsynced, so a write that was answered survives {@code kill -9} and
 * a power cut. Every write goes through {@link #write}, which hands it to one writer thread; that
 * thread runs all the writes waiting at that moment in one transaction (each in its own savepoint,
 * so one failing write does not undo the others), commits once, and only then publishes the new
 * documents and wakes the callers. This group commit is what keeps thousands of durable writes a
 * second possible with one fsync costing a few milliseconds.
 *
 * <p><b>Atomicity.</b> One {@link Work} is all or nothing: a file's metadata and its bytes, or all
 * the files of an upload, are written by one unit of work. A unique constraint (project label in
 * its group, role label) decides races: the loser gets {@link DuplicateException}.
 *
 * <p>The database is the source of truth; a copy of every document is held in memory so that
 * listings and filters are fast. Documents handed out by {@link #list} and {@link #get} must not be
 * modified.
 */
final class Store implements AutoCloseable {
  /** Thrown when a write would break a unique key (same id, or same project label in a group). */
  static final class DuplicateException extends Exception {
    DuplicateException() {
      super(null, null, false, false);
    }
  }

  /** One all-or-nothing change, run on the writer thread. */
  @FunctionalInterface
  interface Work<T> {
    T run(Transaction tx) throws Exception;
  }

  /** What a unit of work may do; it reads its own writes and those committed before it. */
  interface Transaction {
    Optional<ObjectNode> get(String kind, String id);

    void insert(String kind, String id, ObjectNode document) throws DuplicateException;

    void put(String kind, String id, ObjectNode document) throws DuplicateException;

    boolean delete(String kind, String id);

    void putBlob(String id, byte[] content);

    void deleteBlob(String id);

    /** Deletes every document and every file: the start of a reset. */
    void clear();
  }

  private static final int MAX_BATCH = 256;
  private static final int SQLITE_CONSTRAINT = 19;

  private final ObjectMapper json;
  private final Connection db;
  private final Map<String, Function<ObjectNode, String>> uniqueKeys;
  private final Map<String, ConcurrentSkipListMap<String, ObjectNode>> documents =
      new ConcurrentHashMap<>();
  private final ReentrantLock dbLock = new ReentrantLock();
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final FolderLock folderLock;
  private volatile boolean closed;

  private Store(
      ObjectMapper json,
      Connection db,
      Map<String, Function<ObjectNode, String>> uniqueKeys,
      FolderLock folderLock) {
    this.json = json;
    this.db = db;
    this.uniqueKeys = uniqueKeys;
    this.folderLock = folderLock;
    this.writer = new Thread(this::writeLoop, "emulator-store-writer");
    writer.setDaemon(true);
  }

  /**
   * One server per data folder: each server keeps its own copy of the documents in memory, so two
   * on one folder would drift apart.
   */
  private static final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    static FolderLock acquire(Path dir) {
      Path file = DataFolder.privateFile(dir.resolve("emulator.lock"));
      try {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
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
      DataFolder.create(dataDir.get());
      folderLock = FolderLock.acquire(dataDir.get());
      // SQLite gives its -wal and -shm files the mode of the database file: 600 too.
      Path file = DataFolder.privateFile(dataDir.get().resolve("flywheel.db"));
      url = "jdbc:sqlite:" + file.toAbsolutePath();
    } else {
      url = "jdbc:sqlite::memory:";
    }
    try {
      Connection db = DriverManager.getConnection(url);
      try (Statement setup = db.createStatement()) {
        // Before the first table: a commit that deletes a file's bytes gives their pages back to
        // the file system (sqlite-jdbc cannot step PRAGMA incremental_vacuum, so FULL).
        setup.execute("PRAGMA auto_vacuum = FULL");
        setup.execute("PRAGMA journal_mode = WAL");
        setup.execute("PRAGMA synchronous = FULL");
        setup.execute("PRAGMA busy_timeout = 5000");
        setup.execute(
            "CREATE TABLE IF NOT EXISTS documents (kind TEXT NOT NULL, id TEXT NOT NULL,"
                + " unique_key TEXT, body TEXT NOT NULL, PRIMARY KEY (kind, id),"
                + " UNIQUE (kind, unique_key))");
        setup.execute(
            "CREATE TABLE IF NOT EXISTS blobs (id TEXT PRIMARY KEY, content BLOB NOT NULL)");
      }
      db.setAutoCommit(false);
      Store store = new Store(json, db, uniqueKeys, folderLock);
      store.loadAll();
      store.writer.start();
      return store;
    } catch (SQLException e) {
      if (folderLock != null) {
        folderLock.close();
      }
      throw new IllegalStateException("cannot open the emulator database: " + e.getMessage(), e);
    }
  }

  private void loadAll() throws SQLException {
    try (Statement select = db.createStatement();
        ResultSet rows = select.executeQuery("SELECT kind, id, body FROM documents")) {
      while (rows.next()) {
        kind(rows.getString(1)).put(rows.getString(2), parse(rows.getString(3)));
      }
    }
    db.commit();
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

  /**
   * Runs a unit of work durably: when this returns, its changes are committed and synced to disk
   * and visible to readers; when it throws, nothing of it was kept.
   *
   * @throws DuplicateException when the work broke a unique key and did not handle it
   */
  <T> T write(Work<T> work) throws DuplicateException {
    if (closed) {
      throw new IllegalStateException("the emulator database is closed");
    }
    Pending<T> pending = new Pending<>(work);
    queue.add(pending);
    try {
      return pending.result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof DuplicateException duplicate) {
        throw duplicate;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a write failed: " + cause, cause);
    }
  }

  /** Adds a new document; its id must not exist and its unique key must be free. */
  void insert(String kind, String id, ObjectNode document) throws DuplicateException {
    write(
        tx -> {
          tx.insert(kind, id, document);
          return null;
        });
  }

  /**
   * Changes a document atomically: {@code change} gets a private copy and returns the new version.
   * Empty when there is no such document.
   */
  Optional<ObjectNode> update(String kind, String id, UnaryOperator<ObjectNode> change)
      throws DuplicateException {
    return write(
        tx -> {
          Optional<ObjectNode> current = tx.get(kind, id);
          if (current.isEmpty()) {
            return Optional.<ObjectNode>empty();
          }
          ObjectNode changed = change.apply(current.get().deepCopy());
          tx.put(kind, id, changed);
          return Optional.of(changed.deepCopy());
        });
  }

  boolean delete(String kind, String id) {
    try {
      return write(tx -> tx.delete(kind, id));
    } catch (DuplicateException e) {
      throw new IllegalStateException("a delete cannot break a unique key", e);
    }
  }

  Optional<byte[]> getBlob(String id) {
    dbLock.lock();
    try (PreparedStatement select = db.prepareStatement("SELECT content FROM blobs WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a file from the emulator database", e);
    } finally {
      dbLock.unlock();
    }
  }

  /** Blob count and database pages in use, for tests: deleted files must give their bytes back. */
  record Usage(long blobs, long blobBytes, long pages, long freePages) {}

  Usage usage() {
    dbLock.lock();
    try (Statement s = db.createStatement()) {
      long blobs;
      long bytes;
      try (ResultSet r =
          s.executeQuery("SELECT count(*), coalesce(sum(length(content)), 0) FROM blobs")) {
        r.next();
        blobs = r.getLong(1);
        bytes = r.getLong(2);
      }
      long pages = pragma(s, "page_count");
      long free = pragma(s, "freelist_count");
      db.commit();
      return new Usage(blobs, bytes, pages, free);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database usage", e);
    } finally {
      dbLock.unlock();
    }
  }

  private static long pragma(Statement s, String name) throws SQLException {
    try (ResultSet r = s.executeQuery("PRAGMA " + name)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The kinds of documents held, for tests (a snapshot of the whole state). */
  List<String> kinds() {
    return new ArrayList<>(documents.keySet());
  }

  /** Every id of a kind, for tests and the admin view. */
  List<String> ids(String kind) {
    return new ArrayList<>(kind(kind).keySet());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    writer.interrupt();
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dbLock.lock();
    try {
      db.close();
    } catch (SQLException e) {
      // Closing twice: nothing left to release.
    } finally {
      dbLock.unlock();
    }
    if (folderLock != null) {
      folderLock.close();
    }
  }

  // ---- the writer thread -------------------------------------------------------------------

  private static final class Pending<T> {
    final Work<T> work;
    final CompletableFuture<T> result = new CompletableFuture<>();
    T value;
    Throwable failure;

    Pending(Work<T> work) {
      this.work = work;
    }

    void run(Transaction tx) {
      try {
        value = work.run(tx);
      } catch (Throwable t) {
        failure = t;
      }
    }

    void finish() {
      if (failure != null) {
        result.completeExceptionally(failure);
      } else {
        result.complete(value);
      }
    }
  }

  private record Key(String kind, String id) {}

  private void writeLoop() {
    List<Pending<?>> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      runBatch(batch);
      batch.clear();
    }
    // Closing: what was queued meanwhile still gets its answer.
    queue.drainTo(batch);
    if (!batch.isEmpty()) {
      runBatch(batch);
    }
  }

  /** Runs each work in its own savepoint, commits once, then publishes and answers. */
  private void runBatch(List<Pending<?>> batch) {
    Map<Key, Optional<ObjectNode>> committed = new HashMap<>();
    dbLock.lock();
    try {
      for (Pending<?> pending : batch) {
        Savepoint savepoint = db.setSavepoint();
        TransactionImpl tx = new TransactionImpl(committed);
        pending.run(tx);
        if (pending.failure == null && tx.failure != null) {
          pending.failure = tx.failure;
        }
        if (pending.failure != null) {
          db.rollback(savepoint);
        } else {
          db.releaseSavepoint(savepoint);
          committed.putAll(tx.changes);
        }
      }
      db.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        db.rollback();
      } catch (SQLException ignored) {
        // The connection is broken: every caller of this batch gets the error below.
      }
      IllegalStateException failure =
          new IllegalStateException("cannot commit to the emulator database: " + e.getMessage(), e);
      for (Pending<?> pending : batch) {
        pending.failure = failure;
        pending.finish();
      }
      return;
    } finally {
      dbLock.unlock();
    }
    committed.forEach(
        (key, document) -> {
          if (document.isPresent()) {
            kind(key.kind()).put(key.id(), document.get());
          } else {
            kind(key.kind()).remove(key.id());
          }
        });
    batch.forEach(Pending::finish);
  }

  /** A savepoint's view: its own changes over the batch's committed ones over the published. */
  private final class TransactionImpl implements Transaction {
    private final Map<Key, Optional<ObjectNode>> earlier;
    private final Map<Key, Optional<ObjectNode>> changes = new HashMap<>();
    private RuntimeException failure;

    TransactionImpl(Map<Key, Optional<ObjectNode>> earlier) {
      this.earlier = earlier;
    }

    @Override
    public Optional<ObjectNode> get(String kind, String id) {
      Key key = new Key(kind, id);
      if (changes.containsKey(key)) {
        return changes.get(key);
      }
      if (earlier.containsKey(key)) {
        return earlier.get(key);
      }
      return Store.this.get(kind, id);
    }

    @Override
    public void insert(String kind, String id, ObjectNode document) throws DuplicateException {
      if (get(kind, id).isPresent()) {
        throw new DuplicateException();
      }
      write(kind, id, document, true);
    }

    @Override
    public void put(String kind, String id, ObjectNode document) throws DuplicateException {
      write(kind, id, document, get(kind, id).isEmpty());
    }

    private void write(String kind, String id, ObjectNode document, boolean insert)
        throws DuplicateException {
      Function<ObjectNode, String> uniqueKey = uniqueKeys.get(kind);
      String sql =
          insert
              ? "INSERT INTO documents (unique_key, body, kind, id) VALUES (?, ?, ?, ?)"
              : "UPDATE documents SET unique_key = ?, body = ? WHERE kind = ? AND id = ?";
      ObjectNode copy = document.deepCopy();
      try (PreparedStatement statement = db.prepareStatement(sql)) {
        statement.setString(1, uniqueKey == null ? null : uniqueKey.apply(copy));
        statement.setString(2, json.writeValueAsString(copy));
        statement.setString(3, kind);
        statement.setString(4, id);
        statement.executeUpdate();
      } catch (SQLException e) {
        if (e.getErrorCode() == SQLITE_CONSTRAINT) {
          throw new DuplicateException();
        }
        throw fail("cannot write to the emulator database", e);
      } catch (JsonProcessingException e) {
        throw fail("cannot serialise a document", e);
      }
      changes.put(new Key(kind, id), Optional.of(copy));
    }

    @Override
    public boolean delete(String kind, String id) {
      boolean existed = get(kind, id).isPresent();
      try (PreparedStatement delete =
          db.prepareStatement("DELETE FROM documents WHERE kind = ? AND id = ?")) {
        delete.setString(1, kind);
        delete.setString(2, id);
        delete.executeUpdate();
      } catch (SQLException e) {
        throw fail("cannot delete from the emulator database", e);
      }
      changes.put(new Key(kind, id), Optional.empty());
      return existed;
    }

    @Override
    public void putBlob(String id, byte[] content) {
      try (PreparedStatement insert =
          db.prepareStatement("INSERT OR REPLACE INTO blobs (id, content) VALUES (?, ?)")) {
        insert.setString(1, id);
        insert.setBytes(2, content);
        insert.executeUpdate();
      } catch (SQLException e) {
        throw fail("cannot store a file in the emulator database", e);
      }
    }

    @Override
    public void deleteBlob(String id) {
      try (PreparedStatement delete = db.prepareStatement("DELETE FROM blobs WHERE id = ?")) {
        delete.setString(1, id);
        delete.executeUpdate();
      } catch (SQLException e) {
        throw fail("cannot delete a file from the emulator database", e);
      }
    }

    @Override
    public void clear() {
      try (Statement delete = db.createStatement()) {
        delete.executeUpdate("DELETE FROM documents");
        delete.executeUpdate("DELETE FROM blobs");
      } catch (SQLException e) {
        throw fail("cannot clear the emulator database", e);
      }
      documents.forEach(
          (kind, byId) ->
              byId.keySet().forEach(id -> changes.put(new Key(kind, id), Optional.empty())));
      earlier.keySet().forEach(key -> changes.put(key, Optional.empty()));
    }

    /** A database error fails the work even if the work catches it. */
    private RuntimeException fail(String message, Exception cause) {
      failure = new IllegalStateException(message + ": " + cause.getMessage(), cause);
      return failure;
    }
  }
}
