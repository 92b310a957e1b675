package fwgear.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.logging.GearLogging;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest like dicom-send's, published on the Exchange and run by Flywheel: its integer {@code
 * port} has the default {@code "104"}, a string. In draft-04 a default is an annotation: the gear
 * starts and runs when config.json gives a valid port; the default is a warning.
 */
class DicomSendLikeGearTest {
  static final String MANIFEST =
      """
      {
        "name": "dicom-send", "label": "DICOM Send", "version": "4.1.0",
        "description": "Sends DICOM files to a DICOM server", "author": "Flywheel",
        "maintainer": "Flywheel <support@flywheel.io>", "license": "MIT",
        "source": "", "url": "", "cite": "",
        "custom": {"gear-builder": {"category": "utility", "image": "flywheel/dicom-send:4.1.0"}},
        "inputs": {"file": {"base": "file", "optional": true}},
        "config": {
          "destination": {"type": "string", "default": "127.0.0.1"},
          "port": {"type": "integer", "default": "104", "description": "the server's port"},
          "called_ae": {"type": "string", "default": "MYAE"}
        }
      }
      """;

  @TempDir Path dir;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void capture() {
    GearLogging.redirect(() -> log);
  }

  @AfterEach
  void restore() {
    GearLogging.redirect(() -> System.out);
    GearLogging.configure(false);
  }

  private int run(String config, AtomicInteger port) throws Exception {
    Files.writeString(dir.resolve("manifest.json"), MANIFEST);
    Files.writeString(dir.resolve("config.json"), config);
    return GearEngine.create()
        .withContext(b -> b.baseDir(dir).environment(Map.of()))
        .run(new String[0], context -> port.set(context.requireConfig("port", Integer.class)));
  }

  @Test
  void itStartsAndRunsWithAValidPortAndWarnsAboutTheDefault() throws Exception {
    AtomicInteger port = new AtomicInteger();

    int code = run("{\"config\": {\"port\": 104}, \"inputs\": {}}", port);

    assertThat(code).as(log.toString(StandardCharsets.UTF_8)).isEqualTo(GearEngine.OK);
    assertThat(port).hasValue(104);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(
            "WARN - fwgear.context.GearContext] "
                + dir.resolve("manifest.json")
                + ":10: config.port.default: config-default-invalid: warning: the default does not"
                + " satisfy its own directive: expected an integer but got the string \"104\"");
  }

  @Test
  void withoutAPortTheInvalidDefaultIsTheValueAndTheRunIsRefused() throws Exception {
    int code = run("{\"config\": {}, \"inputs\": {}}", new AtomicInteger());

    assertThat(code).isEqualTo(GearEngine.INVALID_INPUT);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(
            "manifest.json:10: config.port.default: config-value: expected an integer but got the"
                + " string \"104\"");
  }

  @Test
  void aKeyGivenTwiceInConfigJsonIsAnErrorNamingBothLines() throws Exception {
    int code =
        run(
            "{\"config\": {\n  \"port\": 104,\n  \"port\": 11112\n}, \"inputs\": {}}",
            new AtomicInteger());

    assertThat(code).isEqualTo(GearEngine.INVALID_INPUT);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(
            dir.resolve("config.json")
                + ":3: config.port: duplicate-key: appears more than once in its mapping, on line 2"
                + " and again on line 3; only one may be given");
  }
}
