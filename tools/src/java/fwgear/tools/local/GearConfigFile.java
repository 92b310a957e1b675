package fwgear.tools.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A gear's {@code config.json} (the invocation): {@code config}, {@code inputs} and {@code
 * destination}, kept as a Jackson tree so that keys this tool does not know (a {@code job}, extra
 * file-object fields a user added by hand) survive an edit.
 */
public final class GearConfigFile {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root;
  // The file as read, for the line of a key in problems; null for an invocation made in memory.
  private final LocatedDocument source;

  private GearConfigFile(ObjectNode root) {
    this(root, null);
  }

  private GearConfigFile(ObjectNode root, LocatedDocument source) {
    this.root = root;
    this.source = source;
    section("config");
    section("inputs");
    if (!root.has("destination") || !root.get("destination").isObject()) {
      root.putObject("destination");
    }
  }

  /** An empty invocation: no config values, no inputs, no destination. */
  public static GearConfigFile empty() {
    return new GearConfigFile(JsonNodeFactory.instance.objectNode());
  }

  /** Reads a config.json; a syntax error or a non-object section is an InvalidInputException. */
  public static GearConfigFile read(Path file, String displayName) {
    LocatedDocument document = LocatedDocument.readJson(file, displayName);
    if (!document.root().isObject()) {
      throw new InvalidInputException(
          Problem.error(displayName, 1, "", "config-shape", "config.json must be a JSON object"));
    }
    for (String section : new String[] {"config", "inputs", "destination"}) {
      JsonNode node = document.root().get(section);
      if (node != null && !node.isObject()) {
        throw new InvalidInputException(
            document.error(section, "config-shape", "'" + section + "' must be a JSON object"));
      }
    }
    return new GearConfigFile(((ObjectNode) document.root()).deepCopy(), document);
  }

  /** The document with its lines: as read, or (made in memory) as it would be written. */
  public LocatedDocument document(String displayName) {
    return source != null ? source : LocatedDocument.parseJson(toJson(), displayName);
  }

  public ObjectNode root() {
    return root;
  }

  /** The gear's option values, by config key. */
  public ObjectNode config() {
    return section("config");
  }

  /** The inputs, by input name (file, api-key and context inputs). */
  public ObjectNode inputs() {
    return section("inputs");
  }

  /** The destination container, {@code {"type": ..., "id": ...}}; empty when none is set. */
  public ObjectNode destination() {
    return (ObjectNode) root.get("destination");
  }

  private ObjectNode section(String name) {
    JsonNode node = root.get(name);
    if (node instanceof ObjectNode object) {
      return object;
    }
    return root.putObject(name);
  }

  /**
   * The line of a dotted key ({@code config.dry_run}) in the file this was read from, or of its
   * nearest present parent; 0 for an invocation made in memory.
   */
  public int lineOf(String dottedKey) {
    return source == null ? 0 : source.lineOf(dottedKey);
  }

  public GearConfigFile copy() {
    return new GearConfigFile(root.deepCopy());
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the file atomically (a temporary file in the same folder, then a rename), readable by
   * its owner only where the file system allows it, since it may hold an API key.
   */
  public void write(Path file) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, ".config", ".json.tmp");
      try {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, toJson(), StandardCharsets.UTF_8);
        try {
          Files.move(
              temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
