package fwgear.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

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
    return OBJECT_ID.matcher(text).matches();
  }

  /** Group ids: 2 to 32 characters of lowercase a-z, 0-9, '.', '@', '_', '-' (the API's regex). */
  static final Pattern GROUP_ID = Pattern.compile("[0-9a-z][0-9a-z.@_-]{0,30}[0-9a-z]");

  /** User ids: the API's route pattern, at most 256 characters. */
  static final Pattern USER_ID = Pattern.compile("[0-9a-zA-Z.@_-]{1,256}");

  /** Gear names, as the gear spec has them. */
  static final Pattern GEAR_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

  /** An ObjectId (project, role, gear, job id) in a body or path, else 400 naming the field. */
  static String objectId(String key, String value) {
    if (!isObjectId(value)) {
      throw ApiError.badField(key, key + " is not a valid ObjectId (24 lowercase hex digits)");
    }
    return value;
  }

  static String groupId(String key, String value) {
    if (!GROUP_ID.matcher(value).matches()) {
      throw ApiError.badField(
          key,
          key
              + " is not a valid group id (2 to 32 characters of lowercase a-z, 0-9, '.', '@',"
              + " '_', '-', starting and ending with a letter or digit)");
    }
    return value;
  }

  static String userId(String key, String value) {
    if (!USER_ID.matcher(value).matches()) {
      throw ApiError.badField(
          key,
          key
              + " is not a valid user id (1 to 256 characters of a-z, A-Z, 0-9, '.', '@', '_', '-')");
    }
    return value;
  }

  /**
   * Checks a path parameter by its name in the route: {@code gid} a group id, {@code uid} a user
   * id, {@code pid}, {@code rid}, {@code jid}, {@code ruleid}, {@code gearid} ObjectIds, {@code
   * gearname} a gear name, {@code file} a file name, {@code tag} a tag. A malformed one is 400,
   * never 404.
   */
  static void checkParameter(String name, String value) {
    switch (name) {
      case "gid" -> groupId("group id", value);
      case "uid" -> userId("user id", value);
      case "pid" -> objectId("project id", value);
      case "rid" -> objectId("role id", value);
      case "jid" -> objectId("job id", value);
      case "ruleid" -> objectId("rule id", value);
      case "gearid" -> objectId("gear id", value);
      case "gearname" -> {
        if (!GEAR_NAME.matcher(value).matches()) {
          throw ApiError.badField("gear name", "gear name " + value + " is not a valid gear name");
        }
      }
      case "file" -> FileNames.check(value);
      case "tag" -> Containers.checkTag(value);
      default -> throw new IllegalStateException("no rule for the path parameter " + name);
    }
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
