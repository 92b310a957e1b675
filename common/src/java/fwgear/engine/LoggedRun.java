package fwgear.engine;

import fwgear.flywheel.ClientOptions;
import fwgear.logging.GearLogging;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A gear run in this process with its log captured, the way a gear's integration tests run it: the
 * exit code and everything the gear logged, in the gear's log format.
 */
public record LoggedRun(int exitCode, String log) {

  /** Runs {@code gear} with {@code engine} (no arguments), its log sent to a buffer meanwhile. */
  public static LoggedRun of(GearEngine engine, GearExecution gear) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    GearLogging.redirect(() -> log);
    try {
      int code = engine.run(new String[0], gear);
      return new LoggedRun(code, log.toString(StandardCharsets.UTF_8));
    } finally {
      GearLogging.redirect(() -> System.out);
    }
  }

  /**
   * Runs {@code gear} on the gear folder {@code base} (manifest.json, config.json, input/) with
   * this environment (e.g. the local Flywheel's AWS settings), retrying after 5 to 40 ms instead of
   * seconds, since the tests inject faults.
   */
  public static LoggedRun inFolder(Path base, Map<String, String> environment, GearExecution gear) {
    return of(
        GearEngine.create()
            .withContext(
                builder ->
                    builder
                        .baseDir(base)
                        .environment(environment)
                        .clientOptions(
                            ClientOptions.defaults()
                                .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40)))),
        gear);
  }
}
