package directory_app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.engine.GearExecutionException;
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
import java.util.stream.Collectors;

/**
 * REDCap's "Export Reports" API (the seed's {@code REDCapConnection.request_json_value}): a form
 * POST of {@code content=report} with the project's token, as JSON. Any failure (no answer, a
 * status other than 2xx, a body that is not a JSON list of records) is one {@link
 * GearExecutionException} line naming the URL's host and REDCap's {@code error} text when it gave
 * one; the token is never part of a message.
 */
final class RedcapReports {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private final URI url;
  private final String token;
  private final HttpClient http;

  RedcapReports(URI url, String token) {
    this.url = url;
    this.token = token;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
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
    HttpResponse<String> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(REQUEST_TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new GearExecutionException(
          where() + ": no answer (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GearExecutionException(where() + ": interrupted", e);
    }
    JsonNode json = null;
    try {
      json = JSON.readTree(answer.body());
    } catch (JsonProcessingException e) {
      // Not JSON: said below, by status.
    }
    int status = answer.statusCode();
    if (status < 200 || status > 299) {
      String error =
          json != null && json.path("error").isTextual()
              ? json.path("error").textValue()
              : firstLine(answer.body());
      throw new GearExecutionException(
          where() + ": HTTP " + status + (error.isEmpty() ? "" : ": " + error));
    }
    if (json == null || !json.isArray()) {
      throw new GearExecutionException(
          where()
              + ": report "
              + reportId
              + " is not a JSON list of records ("
              + answer.headers().firstValue("Content-Type").orElse("no content type")
              + ")");
    }
    List<JsonNode> records = new ArrayList<>();
    json.forEach(records::add);
    return records;
  }

  private String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    line = line.replace(token, "<token>");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
