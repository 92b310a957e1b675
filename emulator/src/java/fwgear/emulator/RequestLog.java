package fwgear.emulator;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The requests the server answered (method, path without query, status), in order: the last {@value
 * #CAPACITY}, so a long-running server does not grow without bound.
 */
public final class RequestLog {
  /** One answered request. */
  public record Entry(String method, String path, int status) {
    /**
     * Whether the request asked for a change: anything but GET and HEAD, except SSM calls ({@code
     * POST /}), which only read parameters.
     */
    public boolean isWrite() {
      return !method.equals("GET") && !method.equals("HEAD") && !path.equals("/");
    }
  }

  static final int CAPACITY = 100_000;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  synchronized void add(Entry entry) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  public synchronized void clear() {
    entries.clear();
  }

  /** How many requests had this method and a path matching the regular expression. */
  public synchronized long count(String method, String pathRegex) {
    return entries.stream()
        .filter(e -> e.method().equals(method) && e.path().matches(pathRegex))
        .count();
  }
}
