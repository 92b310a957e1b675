package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request as the route handlers see it: method, path parameters, query, body, caller. */
final class Call {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final ObjectMapper json;
  private Map<String, String> pathParameters = Map.of();
  private Caller caller;

  Call(
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body,
      ObjectMapper json) {
    this.method = method;
    this.path = path;
    this.query = parseQuery(rawQuery);
    this.headers = headers;
    this.body = body;
    this.json = json;
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  void pathParameters(Map<String, String> parameters) {
    this.pathParameters = parameters;
  }

  /** A decoded path parameter declared as {@code {name}} in the route. */
  String param(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalStateException("the route has no parameter " + name);
    }
    return value;
  }

  Optional<String> query(String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw ApiError.unprocessable("The query parameter " + name + " is given more than once");
    }
    return Optional.of(values.get(0));
  }

  boolean flag(String name) {
    return query(name).map(v -> v.isEmpty() || v.equalsIgnoreCase("true")).orElse(false);
  }

  Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null
          && entry.getKey().equalsIgnoreCase(name)
          && !entry.getValue().isEmpty()) {
        return Optional.of(entry.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /** Whether the client asked for a feature in {@code X-Accept-Feature} (substring, any case). */
  boolean acceptsFeature(String feature) {
    return header("X-Accept-Feature")
        .map(v -> v.toLowerCase().contains(feature.toLowerCase()))
        .orElse(false);
  }

  byte[] body() {
    return body;
  }

  JsonNode jsonBody() {
    if (body.length == 0) {
      throw ApiError.badRequest("A JSON body is required");
    }
    try {
      return json.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiError.badRequest(
          "The body is not valid JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    } catch (IOException e) {
      throw ApiError.badRequest("The body is not valid JSON");
    }
  }

  /** The body as a JSON object, 400 otherwise. */
  ObjectNode objectBody() {
    JsonNode node = jsonBody();
    if (!node.isObject()) {
      throw ApiError.badRequest("The body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  Caller caller() {
    return caller;
  }

  void caller(Caller authenticated) {
    this.caller = authenticated;
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  /** Percent-decodes a path segment or query part; a malformed escape is a 400. */
  static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("The request URL has a malformed %-escape: " + text);
    }
  }
}
