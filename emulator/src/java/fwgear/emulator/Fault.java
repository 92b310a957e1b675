package fwgear.emulator;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A fault injected into matching requests: a share of them is delayed and/or answered with a status
 * such as 503 or 429. With {@code afterWrite} the request is carried out first and only its answer
 * is replaced, like a proxy that loses the response: the case where a client must check whether its
 * create happened before retrying.
 *
 * @param method the HTTP method, or empty for any
 * @param path a regular expression the whole path must match
 * @param status the status to answer, or 0 to only delay
 * @param share the share of matching requests hit, 0 to 1
 * @param delayMillis how long to wait before answering
 * @param afterWrite carry out the request, then answer {@code status}
 * @param times how many requests to hit at most; negative for no limit
 */
public record Fault(
    Optional<String> method,
    String path,
    int status,
    double share,
    long delayMillis,
    boolean afterWrite,
    int times) {

  public Fault {
    Pattern.compile(path);
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("share is between 0 and 1");
    }
    if (status != 0 && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("a fault status is 4xx or 5xx (or 0 for a delay only)");
    }
    if (delayMillis < 0) {
      throw new IllegalArgumentException("delay cannot be negative");
    }
  }

  /** Every request on a path answered {@code status}. */
  public static Fault always(String method, String path, int status) {
    return new Fault(Optional.of(method), path, status, 1.0, 0, false, -1);
  }

  public Fault limitedTo(int count) {
    return new Fault(method, path, status, share, delayMillis, afterWrite, count);
  }

  /** The request is carried out, then its answer replaced by the fault. */
  public Fault whenDone() {
    return new Fault(method, path, status, share, delayMillis, true, times);
  }

  /** A fault rule being applied, counting its hits. */
  static final class Active {
    final Fault fault;
    private final Pattern pattern;
    private final AtomicInteger hits = new AtomicInteger();

    Active(Fault fault) {
      this.fault = fault;
      this.pattern = Pattern.compile(fault.path());
    }

    /** Whether this request is hit (counting it when it is). */
    boolean hits(String method, String path) {
      if (fault.method().isPresent() && !fault.method().get().equalsIgnoreCase(method)) {
        return false;
      }
      if (!pattern.matcher(path).matches()) {
        return false;
      }
      if (fault.share() < 1 && ThreadLocalRandom.current().nextDouble() >= fault.share()) {
        return false;
      }
      if (fault.times() < 0) {
        hits.incrementAndGet();
        return true;
      }
      return hits.getAndUpdate(h -> h < fault.times() ? h + 1 : h) < fault.times();
    }

    int hitCount() {
      return hits.get();
    }
  }
}
