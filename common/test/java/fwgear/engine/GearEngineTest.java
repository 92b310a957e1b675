package fwgear.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.context.GearContext;
import fwgear.context.GearFolder;
import fwgear.engine.sample.WordCountGear;
import fwgear.logging.GearLogging;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GearEngineTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private Path base;

  @BeforeEach
  void captureLog() {
    GearLogging.redirect(() -> log);
    base = GearFolder.create(dir.resolve("gear"), "config.valid.json");
  }

  @AfterEach
  void restoreLog() {
    GearLogging.redirect(() -> System.out);
    GearLogging.configure(false);
  }

  private String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  private GearEngine engine(boolean clean) {
    return GearEngine.create()
        .withContext(b -> b.baseDir(base).environment(Map.of()).cleanOutputOnFailure(clean));
  }

  @Test
  void aSuccessfulGearExitsZeroAfterLoggingItsConfig() {
    int code = engine(false).run(WordCountGear::create, new String[0]);

    assertThat(code).isEqualTo(GearEngine.OK);
    assertThat(base.resolve("output/count.txt")).hasContent("5");
    assertThat(log())
        .contains(
            "Log level is INFO",
            "Destination is analysis=an1",
            "Config \"speed=2\"",
            "Counted 5 words");
  }

  @Test
  void aOneStepGearRunsAndAFlywheelFailureIsOneLineWithoutTheClassName() {
    AtomicBoolean ran = new AtomicBoolean();

    int ok = engine(false).run(new String[0], context -> ran.set(true));
    int failed =
        engine(false)
            .run(
                new String[0],
                context -> {
                  throw new fwgear.flywheel.FlywheelException("GET", "/api/groups/x", 404, "gone");
                });

    assertThat(ok).isEqualTo(GearEngine.OK);
    assertThat(ran).isTrue();
    assertThat(failed).isEqualTo(GearEngine.FAILED);
    assertThat(log()).contains("Error: Flywheel GET /api/groups/x failed: HTTP 404: gone");
  }

  @Test
  void badInputExitsTwoBeforeTheGearsCodeRuns() {
    AtomicBoolean created = new AtomicBoolean();

    int code =
        engine(false)
            .run(
                context -> {
                  created.set(true);
                  return c -> {};
                },
                new String[] {"speed=7", "mode=medium"});

    assertThat(code).isEqualTo(GearEngine.INVALID_INPUT);
    assertThat(created).isFalse();
    assertThat(log())
        .contains(
            "ERROR - fwgear.engine.GearEngine] command line: speed: config-value: 7 is greater than the maximum of 3")
        .contains("command line: mode: config-value: \"medium\" is not one of")
        .contains("Invalid input (2 problems): the gear did not run");
  }

  @Test
  void aGearErrorIsOneLineAndExitsOne() {
    int code =
        engine(false)
            .run(
                context ->
                    c -> {
                      throw new GearExecutionException("the project file has 3 errors");
                    },
                new String[0]);

    assertThat(code).isEqualTo(GearEngine.FAILED);
    assertThat(log())
        .contains("ERROR - fwgear.engine.GearEngine] Error: the project file has 3 errors");
    assertThat(log()).doesNotContain("\tat ");
  }

  @Test
  void anUnexpectedExceptionIsOneLineWithItsTypeAndTheTraceOnlyInDebug() {
    GearExecutionFactory broken =
        context -> {
          throw new IllegalStateException("no such center");
        };

    assertThat(engine(false).run(broken, new String[0])).isEqualTo(GearEngine.FAILED);
    assertThat(log())
        .contains("Error: IllegalStateException: no such center")
        .doesNotContain("\tat ");

    log.reset();
    assertThat(engine(false).run(broken, new String[] {"debug=true"})).isEqualTo(GearEngine.FAILED);
    assertThat(log())
        .contains("Log level is DEBUG")
        .contains("DEBUG - ")
        .contains("fwgear.context.GearContext:") // the DEBUG format shows the source line
        .contains("\tat fwgear.engine.GearEngineTest");
  }

  @Test
  void aFailureEmptiesTheOutputOnlyWhenAskedAndWritesNoMetadata() throws Exception {
    GearExecutionFactory failing =
        context ->
            c -> {
              try {
                Files.writeString(c.outputDir().resolve("half.txt"), "x");
              } catch (java.io.IOException e) {
                throw new GearExecutionException("cannot write", e);
              }
              c.metadata().updateFile("half.txt", Map.of("type", "text"));
              throw new GearExecutionException("stopped halfway");
            };

    assertThat(engine(false).run(failing, new String[0])).isEqualTo(GearEngine.FAILED);
    assertThat(base.resolve("output/half.txt")).exists();
    assertThat(base.resolve("output/.metadata.json")).doesNotExist();

    assertThat(engine(true).run(failing, new String[0])).isEqualTo(GearEngine.FAILED);
    assertThat(base.resolve("output")).isEmptyDirectory();
  }

  @Test
  void invalidMetadataFailsTheRun() {
    int code =
        engine(false)
            .run(context -> c -> c.metadata().updateFile("ghost.txt", Map.of()), new String[0]);

    assertThat(code).isEqualTo(GearEngine.FAILED);
    assertThat(log()).contains("Error: the gear's output metadata is invalid", "ghost.txt");
  }

  @Test
  void aMissingManifestIsBadInput() {
    int code =
        GearEngine.create()
            .withContext(b -> b.baseDir(dir.resolve("empty")).environment(Map.of()))
            .run(WordCountGear::create, new String[0]);

    assertThat(code).isEqualTo(GearEngine.INVALID_INPUT);
    assertThat(log()).contains("manifest.json: file-missing: file not found");
  }

  @Test
  void theContextIsClosedAfterTheRun() {
    GearContext[] seen = new GearContext[1];
    engine(false).run(context -> c -> seen[0] = c, new String[0]);

    assertThat(seen[0]).isNotNull();
    assertThat(base.resolve("output")).doesNotExist(); // nothing asked for it
  }
}
