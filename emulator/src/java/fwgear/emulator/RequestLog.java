package fwgear.emulator;

import java.util.ArrayList;
import java.util.List;

/** Every request the server answered (method, path without query, status), in order. */
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

  private final List<Entry> entries = new ArrayList<>();

  synchronized void add(Entry entry) {
    entries.add(entry);
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
