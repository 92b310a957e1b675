package {{app_name}};

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The computation of the {{gear_name}} gear. It takes plain values, so it runs and tests without a
 * gear context; {@link Run} gathers them.
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  /** Does the gear's work and returns a one-line summary of it. */
  public static String run(boolean dryRun) {
    String summary =
        dryRun ? "{{gear_name}}: dry run, nothing changed" : "{{gear_name}}: done, nothing to change";
    log.info(summary);
    return summary;
  }
}
