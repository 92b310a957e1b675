package fwgear.flywheel;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * A Flywheel API key, {@code host[:port]:secret}, as shown on a user's profile page.
 *
 * <p>The secret never leaves this record except through {@link #secret()}: {@link #toString()}
 * redacts it, so a key that ends up in a log line or an exception message shows only its host.
 */
public final class ApiKey {
  private static final Set<String> LOOPBACK_HOSTS =
      Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  private final String host;
  private final int port;
  private final String secret;

  private ApiKey(String host, int port, String secret) {
    this.host = host;
    this.port = port;
    this.secret = secret;
  }

  /**
   * Parses {@code host:secret} or {@code host:port:secret}; the secret is the last part. The error
   * message never contains the key.
   */
  public static ApiKey parse(String key) {
    Objects.requireNonNull(key, "key");
    String trimmed = key.strip();
    int first = trimmed.indexOf(':');
    int last = trimmed.lastIndexOf(':');
    if (first <= 0 || last == trimmed.length() - 1) {
      throw new IllegalArgumentException(
          "an API key has the form host[:port]:secret (the key is not shown)");
    }
    String host = trimmed.substring(0, first);
    String secret = trimmed.substring(last + 1);
    int port = -1;
    if (first != last) {
      String middle = trimmed.substring(first + 1, last);
      String portText = middle.contains(":") ? middle.substring(0, middle.indexOf(':')) : middle;
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "the port of an API key host[:port]:secret must be a number (the key is not shown)");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("the port of an API key must be 1 to 65535");
      }
    }
    return new ApiKey(host, port, secret);
  }

  public String host() {
    return host;
  }

  /** The explicit port, or -1 when the key has none (443 is used). */
  public int port() {
    return port;
  }

  /** The secret part; send it, never print it. */
  public String secret() {
    return secret;
  }

  /** Plain http is allowed only for a loopback host, such as the local Flywheel server. */
  public boolean isLoopback() {
    return LOOPBACK_HOSTS.contains(host);
  }

  /** {@code https://host[:port]/api}, or {@code http://...} for a loopback host. */
  public URI baseUrl() {
    String scheme = isLoopback() ? "http" : "https";
    String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create(scheme + "://" + authority + (port > 0 ? ":" + port : "") + "/api");
  }

  /** The whole key, {@code host[:port]:secret}, for writing it where a key belongs. */
  public String reveal() {
    return host + (port > 0 ? ":" + port : "") + ":" + secret;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKey key
        && key.host.equals(host)
        && key.port == port
        && key.secret.equals(secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, secret);
  }

  /** The host and port with the secret redacted. */
  @Override
  public String toString() {
    return host + (port > 0 ? ":" + port : "") + ":****";
  }
}
