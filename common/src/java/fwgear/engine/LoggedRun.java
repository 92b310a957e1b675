package fwgear.engine;

import fwgear.logging.GearLogging;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

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
}
