package fwgear.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a handler answers: a status and either JSON or raw bytes. */
record Reply(int status, JsonNode json, byte[] bytes, String contentType) {
  private static final ObjectMapper WRITER = new ObjectMapper();

  static Reply ok(JsonNode json) {
    return new Reply(200, json, null, null);
  }

  static Reply status(int status, JsonNode json) {
    return new Reply(status, json, null, null);
  }

  static Reply bytes(byte[] bytes, String contentType) {
    return new Reply(200, null, bytes, contentType);
  }

  byte[] jsonBytes() {
    try {
      return WRITER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON answer", e);
    }
  }
}
