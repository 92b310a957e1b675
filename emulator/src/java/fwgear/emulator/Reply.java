package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/** What a handler answers: a status and either JSON or raw bytes. */
record Reply(int status, JsonNode json, byte[] bytes, String contentType) {
  static Reply ok(JsonNode json) {
    return new Reply(200, json, null, null);
  }

  static Reply status(int status, JsonNode json) {
    return new Reply(status, json, null, null);
  }

  static Reply bytes(byte[] bytes, String contentType) {
    return new Reply(200, null, bytes, contentType);
  }
}
