package fwgear.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.json.LocatedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The manifest fixtures of the tests: valid.json and edits of it. */
final class ManifestFixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private ManifestFixtures() {}

  static String text(String resource) {
    try (InputStream in = ManifestFixtures.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LocatedDocument document(String resource) {
    return LocatedDocument.parseJson(text(resource), resource);
  }

  /** valid.json after an edit, pretty-printed so every key has its own line. */
  static LocatedDocument edited(Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(text("valid.json"));
      edit.accept(root);
      return LocatedDocument.parseJson(
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), "manifest.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
