package fwgear.flywheel;

import java.time.Duration;

/**
 * Timeouts and retries of a {@link FlywheelClient}.
 *
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole answer
 * @param maxAttempts tries per request, the first included (1 = no retry)
 * @param initialBackoff the wait before the first retry; it doubles each retry, with jitter
 * @param maxBackoff the longest wait between tries
 */
public record ClientOptions(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff) {

  public ClientOptions {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is at least 1");
    }
  }

  public static ClientOptions defaults() {
    return new ClientOptions(
        Duration.ofSeconds(10),
        Duration.ofSeconds(120),
        5,
        Duration.ofMillis(200),
        Duration.ofSeconds(10));
  }

  public ClientOptions withMaxAttempts(int attempts) {
    return new ClientOptions(connectTimeout, requestTimeout, attempts, initialBackoff, maxBackoff);
  }

  public ClientOptions withBackoff(Duration initial, Duration max) {
    return new ClientOptions(connectTimeout, requestTimeout, maxAttempts, initial, max);
  }

  public ClientOptions withRequestTimeout(Duration timeout) {
    return new ClientOptions(connectTimeout, timeout, maxAttempts, initialBackoff, maxBackoff);
  }
}
