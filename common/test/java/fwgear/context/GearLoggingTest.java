package fwgear.context;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.logging.GearLogging;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Logging in the toolkit's format, and no API key in any of it. */
class GearLoggingTest {
  private static final String CONFIG_SECRET = "configjsonsecret123";
  private static final String ENV_SECRET = "environmentsecret456";

  @TempDir Path dir;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    GearLogging.redirect(() -> log);
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    GearLogging.redirect(() -> System.out);
    GearLogging.configure(false);
  }

  private String everything() {
    return log.toString(StandardCharsets.UTF_8)
        + stdout.toString(StandardCharsets.UTF_8)
        + stderr.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logsTheConfigInTheToolkitsFormatWithoutAnyKey() throws Exception {
    Path base = GearFolder.create(dir.resolve("gear"), "config.valid.json");
    try (GearContext context =
        GearContext.builder()
            .baseDir(base)
            .environment(Map.of("FW_API_KEY", "127.0.0.1:9000:" + ENV_SECRET))
            .args("api_token=" + "tokenvalue789")
            .open()) {
      context.initLogging();
      context.logConfig();
      var logger = LoggerFactory.getLogger("project_app.Run");
      logger.info("client for {}", context.apiKey().orElseThrow());
      // A careless gear or library that prints the key itself is masked too.
      logger.warn("key was {}", context.apiKey().orElseThrow().reveal());
      logger.error("request failed", new IllegalStateException("401 for key " + CONFIG_SECRET));
      logger.debug("not shown at INFO");
      context.succeeded();
    }

    String text = log.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .containsPattern(
            "(?m)^\\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} - INFO - fwgear.context.GearContext\\] Log level is INFO$")
        .contains("INFO - fwgear.context.GearContext] Destination is analysis=an1")
        .contains("Input file \"text_file\" is words.txt from acquisition=acq1")
        .contains("Config \"speed=2\"")
        .contains("Config \"api_token=****\"")
        .contains("INFO - project_app.Run] client for 127.0.0.1:8080:****")
        .contains("WARN - project_app.Run] key was ****")
        .contains("java.lang.IllegalStateException: 401 for key ****")
        .doesNotContain("not shown at INFO");
    assertThat(everything()).doesNotContain(CONFIG_SECRET, ENV_SECRET, "tokenvalue789");
  }

  @Test
  void theManifestsWarningsAreLogged() throws Exception {
    Path base = GearFolder.create(dir.resolve("gear"), "config.valid.json");
    Path manifest = base.resolve("manifest.json");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace("\"license\"", "\"capabilities\": [\"gpu\"], \"license\""));
    try (GearContext context = GearContext.builder().baseDir(base).environment(Map.of()).open()) {
      context.initLogging();
    }
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(
            "WARN - fwgear.context.GearContext] "
                + manifest
                + ":7: capabilities.0: manifest-capability-unknown: warning:");
  }

  @Test
  void debugConfigSwitchesToDebugWithSourceLines() throws Exception {
    Path base = GearFolder.create(dir.resolve("gear"), "config.valid.json");
    try (GearContext context =
        GearContext.builder().baseDir(base).environment(Map.of()).args("debug=true").open()) {
      context.initLogging();
      LoggerFactory.getLogger("project_app.Run").debug("details");
    }
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("Log level is DEBUG")
        .containsPattern("DEBUG - project_app.Run:\\d+\\] details");
    assertThat(Files.exists(base.resolve("output"))).isFalse();
  }
}
