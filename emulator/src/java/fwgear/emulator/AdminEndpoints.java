package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /__admin/requests} (GET the request log, DELETE to clear it), {@code /__admin/faults} (GET
 * with hit counts, POST one, DELETE all) and {@code POST /__admin/reset} (the seed's state again),
 * for tests and scripts. The caller checks the site admin's key and the origin.
 */
final class AdminEndpoints {
  private final ObjectMapper json;
  private final RequestLog requestLog;
  private final Faults faults;

  private final Redcap redcap;
  private final Runnable reset;

  /**
   * @param reset puts the state back to the seed's (the documents and files in one commit, then the
   *     S3 store)
   */
  AdminEndpoints(
      ObjectMapper json, RequestLog requestLog, Faults faults, Redcap redcap, Runnable reset) {
    this.json = json;
    this.requestLog = requestLog;
    this.faults = faults;
    this.redcap = redcap;
    this.reset = reset;
  }

  Reply handle(Call call) {
    String method = call.method();
    String path = call.path();
    byte[] body = call.body();
    if (path.equals(REDCAP) || path.startsWith(REDCAP + "/")) {
      return redcap(call);
    }
    try {
      switch (method + " " + path) {
        case "GET /__admin/requests":
          return Reply.ok(json.valueToTree(requestLog.entries()));
        case "DELETE /__admin/requests":
          requestLog.clear();
          return Reply.ok(json.createObjectNode().put("cleared", true));
        case "GET /__admin/faults":
          ArrayNode list = json.createArrayNode();
          for (Fault.Active active : faults.list()) {
            Fault fault = active.fault;
            ObjectNode node = list.addObject();
            node.put("method", fault.method().orElse(null));
            node.put("path", fault.path());
            node.put("status", fault.status());
            node.put("share", fault.share());
            node.put("delay_ms", fault.delayMillis());
            node.put("after_write", fault.afterWrite());
            node.put("times", fault.times());
            node.put("hits", active.hitCount());
          }
          return Reply.ok(list);
        case "POST /__admin/faults":
          faults.add(faultFrom(json.readTree(body)));
          return Reply.ok(json.createObjectNode().put("faults", faults.list().size()));
        case "DELETE /__admin/faults":
          faults.clear();
          return Reply.ok(json.createObjectNode().put("faults", 0));
        case "POST /__admin/reset":
          // Back to the seed: every document and file replaced by the seed's in one commit; the
          // faults and the request log are cleared too.
          faults.clear();
          reset.run();
          requestLog.clear();
          return Reply.ok(json.createObjectNode().put("reset", true));
        default:
          return FlywheelEmulator.error(404, "No such admin endpoint: " + method + " " + path);
      }
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      return FlywheelEmulator.error(400, "Bad fault: " + e.getMessage());
    }
  }

  private static final String REDCAP = "/__admin/redcap";

  /**
   * {@code GET /__admin/redcap} (the projects, without tokens), {@code POST} (add one), {@code PUT
   * /__admin/redcap/<name>} (add or replace one).
   */
  private Reply redcap(Call call) {
    String method = call.method();
    String path = call.path();
    String name = path.equals(REDCAP) ? "" : Call.decode(path.substring(REDCAP.length() + 1));
    switch (method) {
      case "GET":
        if (name.isEmpty()) {
          return Reply.ok(redcap.list());
        }
        break;
      case "POST":
        if (name.isEmpty()) {
          return redcap.add(call.jsonBody());
        }
        break;
      case "PUT":
        if (!name.isEmpty() && !name.contains("/")) {
          return redcap.put(name, call.jsonBody());
        }
        break;
      default:
        break;
    }
    return FlywheelEmulator.error(404, "No such admin endpoint: " + method + " " + path);
  }

  /**
   * {@code {"path": regex, "method"?: "POST", "status"?: 503, "share"?: 1.0, "delay_ms"?: 0,
   * "after_write"?: false, "times"?: -1}}.
   */
  private static Fault faultFrom(JsonNode body) {
    if (!body.path("path").isTextual()) {
      throw new IllegalArgumentException("path (a regular expression) is required");
    }
    return new Fault(
        Optional.ofNullable(body.path("method").textValue()),
        body.path("path").textValue(),
        body.path("status").asInt(503),
        body.path("share").asDouble(1.0),
        body.path("delay_ms").asLong(0),
        body.path("after_write").asBoolean(false),
        body.path("times").asInt(-1));
  }
}
