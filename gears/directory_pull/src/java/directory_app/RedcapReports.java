package directory_app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.engine.GearExecutionException;
import fwgear.flywheel.ClientOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REDCap's "Export Reports" API (the seed's {@code REDCapConnection.request_json_value}): a form
 * POST of {@code content=report} with the project's token, as JSON. An export only reads, so a try
 * that got no answer, or a 429, 502, 503 or 504 (a proxy's or a busy server's answer), is tried
 * again with the Flywheel client's timeouts, tries and backoff ({@link ClientOptions}); any other
 * failure, and the last one, is one {@link GearExecutionException} line naming the URL's host
 * (never the token): REDCap's {@code error} text when it gave one, else the answer's content type.
 */
final class RedcapReports {
  private static final Logger LOG = LoggerFactory.getLogger(RedcapReports.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

  private final URI url;
  private final String token;
  private final ClientOptions options;
  private final HttpClient http;

  RedcapReports(URI url, String token, ClientOptions options) {
    this.url = url;
    this.token = token;
    this.options = options;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** {@code REDCap at <host>}, the start of every error line. */
  String where() {
    return "REDCap at " + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  /** The records of report {@code reportId}, in the report's order. */
  List<JsonNode> report(String reportId) throws GearExecutionException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    form.put("content", "report");
    form.put("report_id", reportId);
    form.put("csvDelimiter", "");
    form.put("rawOrLabel", "raw");
    form.put("rawOrLabelHeaders", "raw");
    form.put("exportCheckboxLabel", "false");
    form.put("returnFormat", "json");
    form.put("format", "json");
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(options.requestTimeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> answer = send(request);
    JsonNode json = null;
    try {
      json = JSON.readTree(answer.body());
    } catch (JsonProcessingException e) {
      // Not JSON: said below, by status.
    }
    int status = answer.statusCode();
    // The media type without its parameters: "text/html", "application/json".
    String type =
        answer
            .headers()
            .firstValue("Content-Type")
            .map(t -> t.replaceFirst(";.*", "").strip())
            .orElse("no content type");
    if (status < 200 || status > 299) {
      // REDCap's own errors are {"error": ...}; any other body (a proxy's page, a stack trace) is
      // named by its type only, so nothing it echoes reaches the log.
      String error =
          json != null && json.path("error").isTextual()
              ? ": " + scrub(json.path("error").textValue())
              : " (" + type + ")";
      throw new GearExecutionException(where() + ": HTTP " + status + error);
    }
    if (json == null || !json.isArray()) {
      throw new GearExecutionException(
          where() + ": report " + reportId + " is not a JSON list of records (" + type + ")");
    }
    List<JsonNode> records = new ArrayList<>();
    json.forEach(records::add);
    return records;
  }

  /** Sends the request, again after no answer or a retryable status while tries are left. */
  private HttpResponse<String> send(HttpRequest request) throws GearExecutionException {
    Duration wait = options.initialBackoff();
    for (int attempt = 1; ; attempt++) {
      String failure;
      try {
        HttpResponse<String> answer =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (!RETRYABLE.contains(answer.statusCode()) || attempt >= options.maxAttempts()) {
          return answer;
        }
        failure = "HTTP " + answer.statusCode();
      } catch (IOException e) {
        failure = "no answer (" + e.getClass().getSimpleName() + ")";
        if (attempt >= options.maxAttempts()) {
          throw new GearExecutionException(
              where() + ": " + failure + " after " + attempt + " tries", e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GearExecutionException(where() + ": interrupted", e);
      }
      LOG.warn(
          "{}: {}; retrying in {} ms (try {} of {})",
          where(),
          failure,
          wait.toMillis(),
          attempt + 1,
          options.maxAttempts());
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GearExecutionException(where() + ": interrupted", e);
      }
      wait = min(wait.multipliedBy(2), options.maxBackoff());
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** REDCap's error text, without the token should it ever echo it. */
  private String scrub(String text) {
    String line = text.strip().lines().findFirst().orElse("").replace(token, "<token>");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
