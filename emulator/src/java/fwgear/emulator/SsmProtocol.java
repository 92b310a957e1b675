package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * AWS Systems Manager parameters over the AWS JSON 1.1 protocol ({@code POST /} with {@code
 * X-Amz-Target: AmazonSSM.<Operation>}), so the AWS SDK's SSM client works against this server.
 * Requests are not signature-checked: the server only listens on 127.0.0.1.
 */
final class SsmProtocol {
  static final String TARGET_PREFIX = "AmazonSSM.";
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final int MAX_RESULTS = 10;

  /** An SSM error: status 400 and {@code {"__type": ..., "message": ...}}. */
  static final class SsmError extends RuntimeException {
    final String type;

    SsmError(String type, String message) {
      super(message, null, false, false);
      this.type = type;
    }
  }

  private final Store store;
  private final Supplier<String> hostAndPort;

  SsmProtocol(Store store, Supplier<String> hostAndPort) {
    this.store = store;
    this.hostAndPort = hostAndPort;
  }

  JsonNode handle(String target, JsonNode request) {
    String operation = target.substring(TARGET_PREFIX.length());
    return switch (operation) {
      case "GetParameter" -> getParameter(request);
      case "GetParameters" -> getParameters(request);
      case "GetParametersByPath" -> getParametersByPath(request);
      default ->
          throw new SsmError("InvalidAction", "The local server does not implement " + operation);
    };
  }

  private JsonNode getParameter(JsonNode request) {
    String name = text(request, "Name");
    ObjectNode parameter =
        store
            .get("ssm", name)
            .orElseThrow(
                () -> new SsmError("ParameterNotFound", "Parameter " + name + " not found."));
    ObjectNode answer = NODES.objectNode();
    answer.set("Parameter", view(parameter, request.path("WithDecryption").asBoolean(false)));
    return answer;
  }

  private JsonNode getParameters(JsonNode request) {
    boolean decrypt = request.path("WithDecryption").asBoolean(false);
    ObjectNode answer = NODES.objectNode();
    ArrayNode found = answer.putArray("Parameters");
    ArrayNode invalid = answer.putArray("InvalidParameters");
    for (JsonNode name : request.path("Names")) {
      store
          .get("ssm", name.asText())
          .ifPresentOrElse(p -> found.add(view(p, decrypt)), () -> invalid.add(name.asText()));
    }
    return answer;
  }

  private JsonNode getParametersByPath(JsonNode request) {
    String path = text(request, "Path");
    if (!path.startsWith("/")) {
      throw new SsmError("ValidationException", "A parameter path starts with /");
    }
    String prefix = path.endsWith("/") ? path : path + "/";
    boolean recursive = request.path("Recursive").asBoolean(false);
    boolean decrypt = request.path("WithDecryption").asBoolean(false);
    int max = request.path("MaxResults").asInt(MAX_RESULTS);
    if (max < 1 || max > MAX_RESULTS) {
      throw new SsmError("ValidationException", "MaxResults is 1 to " + MAX_RESULTS);
    }
    int offset;
    try {
      offset = request.has("NextToken") ? Integer.parseInt(request.get("NextToken").asText()) : 0;
    } catch (NumberFormatException e) {
      throw new SsmError("InvalidNextToken", "The NextToken is not valid");
    }
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode parameter : store.list("ssm")) {
      String name = parameter.path("Name").asText();
      if (name.startsWith(prefix) && (recursive || name.indexOf('/', prefix.length()) < 0)) {
        matching.add(parameter);
      }
    }
    ObjectNode answer = NODES.objectNode();
    ArrayNode parameters = answer.putArray("Parameters");
    int end = Math.min(matching.size(), offset + max);
    for (int i = Math.min(offset, end); i < end; i++) {
      parameters.add(view(matching.get(i), decrypt));
    }
    if (end < matching.size()) {
      answer.put("NextToken", Integer.toString(end));
    }
    return answer;
  }

  private ObjectNode view(ObjectNode parameter, boolean decrypt) {
    String name = parameter.path("Name").asText();
    String type = parameter.path("Type").asText();
    String value = parameter.path("Value").asText().replace("${host}", hostAndPort.get());
    if (type.equals("SecureString") && !decrypt) {
      value = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
    ObjectNode view = NODES.objectNode();
    view.put("Name", name);
    view.put("Type", type);
    view.put("Value", value);
    view.put("Version", parameter.path("Version").asLong(1));
    view.put("ARN", "arn:aws:ssm:us-east-1:000000000000:parameter" + name);
    view.put("DataType", "text");
    view.put("LastModifiedDate", 1.7e9);
    return view;
  }

  private static String text(JsonNode request, String field) {
    JsonNode value = request.path(field);
    if (!value.isTextual() || value.textValue().isEmpty()) {
      throw new SsmError("ValidationException", field + " is required");
    }
    return value.textValue();
  }
}
