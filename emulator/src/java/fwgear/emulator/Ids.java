package fwgear.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** Ids and timestamps as Flywheel writes them. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long PROCESS = RANDOM.nextLong() & 0xFFFFFFFFFFL;
  private static final AtomicLong COUNTER = new AtomicLong(RANDOM.nextInt(1 << 20));

  private Ids() {}

  /**
   * A new 24-hex ObjectId: seconds, a per-process part and a counter, so ids sort in creation order
   * within one server.
   */
  static String objectId() {
    long seconds = Instant.now().getEpochSecond();
    long counter = COUNTER.incrementAndGet() & 0xFFFFFF;
    return String.format("%08x%010x%06x", seconds & 0xFFFFFFFFL, PROCESS, counter);
  }

  static boolean isObjectId(String text) {
    return text.matches("[0-9a-f]{24}");
  }

  /** Now as ISO-8601 with microseconds and an offset, e.g. 2026-11-27T01:02:03.123456+00:00. */
  static String now() {
    String text = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    String withoutZ = text.substring(0, text.length() - 1);
    if (!withoutZ.contains(".")) {
      withoutZ = withoutZ + ".000000";
    }
    return withoutZ + "+00:00";
  }

  /** Keys are stored hashed, so the database file does not hold usable secrets. */
  static String hashKey(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
