package fwgear.logging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values that must never be printed (API keys and their secret parts). The gear's log layout
 * replaces any registered value with {@code ****}: a second line of defence behind {@link
 * fwgear.flywheel.ApiKey#toString()}, for keys that reach a message some other way (an exception
 * text from a library, a config value a user pasted a key into).
 */
public final class Secrets {
  /** Shorter values are not registered: masking them would garble ordinary words. */
  static final int MINIMUM_LENGTH = 6;

  private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

  private Secrets() {}

  public static void register(String secret) {
    if (secret != null && secret.length() >= MINIMUM_LENGTH) {
      VALUES.add(secret);
    }
  }

  /** The text with every registered secret replaced by {@code ****}. */
  public static String redact(String text) {
    if (text == null || VALUES.isEmpty()) {
      return text;
    }
    String redacted = text;
    for (String secret : VALUES) {
      if (redacted.contains(secret)) {
        redacted = redacted.replace(secret, "****");
      }
    }
    return redacted;
  }
}
