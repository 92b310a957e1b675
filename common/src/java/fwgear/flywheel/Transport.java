package fwgear.flywheel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.logging.Secrets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to Flywheel with the API key, and retries what can be retried safely.
 *
 * <p>429 and a refused connection mean the server did nothing: every request is tried again. 502,
 * 503, 504, a timeout or a broken connection leave it open whether a write happened: reads and
 * idempotent writes are tried again; other writes only after their check says they did not happen
 * (a create is never sent twice when the first one went through).
 */
final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

  /** One request: method, path below the base URL (encoded), optional query, optional body. */
  record Request(String method, String path, String query, byte[] body, String contentType) {
    static Request get(String path, String query) {
      return new Request("GET", path, query, null, null);
    }

    /** The path as shown in logs and errors: {@code /api/...}, no query (it may be long). */
    String shownPath() {
      return "/api" + path;
    }
  }

  /** How a write may be retried after an answer that leaves it open whether it happened. */
  interface Check {
    /** Idempotent: send it again. */
    Check IDEMPOTENT = () -> Optional.empty();

    /** The answer to use when the write did happen, or empty when it did not (send it again). */
    Optional<JsonNode> ifDone();
  }

  /** An answer: status and raw body. */
  record Answer(int status, byte[] body) {}

  private final HttpClient http;
  private final URI baseUrl;
  private final String authorization;
  private final ClientOptions options;
  private final ObjectMapper json;

  Transport(ApiKey key, ClientOptions options, ObjectMapper json) {
    this.baseUrl = key.baseUrl();
    // A second line of defence: the gear's log layout masks registered secrets.
    Secrets.register(key.secret());
    this.authorization = "scitran-user " + key.reveal();
    this.options = options;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            // Plain http is only used with a local server, which speaks HTTP/1.1: no h2c upgrade.
            .version(key.isLoopback() ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  URI baseUrl() {
    return baseUrl;
  }

  /**
   * Sends a request, retrying as described above; {@code check} is null for a write that must not
   * be repeated blindly and has no way to check (it is then not retried after an unclear answer).
   */
  Answer send(Request request, Check check) {
    boolean idempotent =
        check == Check.IDEMPOTENT
            || request.method().equals("GET")
            || request.method().equals("PUT")
            || request.method().equals("DELETE");
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= options.maxAttempts();
      Outcome outcome = once(request);
      if (outcome.answer != null && !retryable(outcome.answer.status())) {
        return outcome.answer;
      }
      boolean surelyNotDone =
          outcome.refused || (outcome.answer != null && outcome.answer.status() == 429);
      if (last || (!surelyNotDone && !idempotent && check == null)) {
        throw failure(request, outcome);
      }
      if (!surelyNotDone && !idempotent) {
        Optional<JsonNode> done = check.ifDone();
        if (done.isPresent()) {
          LOG.info(
              "{} {}: the first try went through after all; not sending it again",
              request.method(),
              request.shownPath());
          return new Answer(200, bytes(done.get()));
        }
      }
      Duration wait = backoff(attempt, outcome);
      LOG.warn(
          "{} {}: {}; retrying in {} ms (try {} of {})",
          request.method(),
          request.shownPath(),
          outcome.describe(),
          wait.toMillis(),
          attempt + 1,
          options.maxAttempts());
      sleep(wait);
    }
  }

  private static boolean retryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** One try: an answer, or the I/O problem that prevented one. */
  private static final class Outcome {
    Answer answer;
    String retryAfter;
    IOException problem;
    boolean refused;

    String describe() {
      if (answer != null) {
        return "HTTP " + answer.status();
      }
      return refused
          ? "connection refused"
          : "no answer (" + problem.getClass().getSimpleName() + ")";
    }
  }

  private Outcome once(Request request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(request))
            .timeout(options.requestTimeout())
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .header("User-Agent", "fwgear-flywheel-client/1");
    HttpRequest.BodyPublisher body =
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body());
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    builder.method(request.method(), body);
    Outcome outcome = new Outcome();
    long started = System.nanoTime();
    try {
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      outcome.answer = new Answer(response.statusCode(), response.body());
      outcome.retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      LOG.debug(
          "{} {} -> {} ({} ms)",
          request.method(),
          request.shownPath(),
          response.statusCode(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (ConnectException e) {
      outcome.problem = e;
      outcome.refused = true;
    } catch (IOException e) {
      outcome.problem = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlywheelException(
          request.method(), request.shownPath(), 0, "interrupted while waiting for the answer", e);
    }
    return outcome;
  }

  private URI uri(Request request) {
    String query =
        request.query() == null || request.query().isEmpty() ? "" : "?" + request.query();
    return URI.create(baseUrl + request.path() + query);
  }

  private Duration backoff(int attempt, Outcome outcome) {
    long max = options.maxBackoff().toMillis();
    if (outcome.retryAfter != null) {
      try {
        return Duration.ofMillis(Math.min(max, Long.parseLong(outcome.retryAfter.strip()) * 1000));
      } catch (NumberFormatException e) {
        // An HTTP date instead of seconds: fall back to our own backoff.
      }
    }
    long base = Math.min(max, options.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
    // "Equal jitter": half the wait fixed, half random, so many clients do not retry in step.
    long half = base / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }

  FlywheelException failure(Request request, Outcome outcome) {
    if (outcome.answer == null) {
      String message =
          outcome.refused
              ? "connection refused by " + baseUrl.getHost()
              : outcome.problem.getClass().getSimpleName()
                  + (outcome.problem.getMessage() == null
                      ? ""
                      : ": " + outcome.problem.getMessage());
      return new FlywheelException(request.method(), request.shownPath(), 0, redact(message), null);
    }
    return error(request, outcome.answer);
  }

  /** The exception for an answer that is not a success. */
  FlywheelException error(Request request, Answer answer) {
    return new FlywheelException(
        request.method(), request.shownPath(), answer.status(), serverMessage(answer.body()));
  }

  private String serverMessage(byte[] body) {
    if (body == null || body.length == 0) {
      return "(no message)";
    }
    try {
      JsonNode node = json.readTree(body);
      if (node != null && node.path("message").isTextual()) {
        return redact(node.get("message").asText());
      }
    } catch (IOException e) {
      // Not JSON: show the start of the text.
    }
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
    return redact(text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }

  /** Never let the key through, even if a server or proxy echoed it. */
  String redact(String text) {
    String secret = authorization.substring(authorization.lastIndexOf(':') + 1);
    return secret.isEmpty() ? text : text.replace(secret, "****");
  }

  byte[] bytes(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }
}
