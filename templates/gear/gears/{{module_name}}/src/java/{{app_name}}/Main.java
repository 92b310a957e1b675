package {{app_name}};

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The computation of the {{gear_name}} gear (the seed's {@code main.py}). It takes plain values, so
 * it runs and tests without a gear context; {@link Run} gathers them.
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  /** Does the gear's work on the Flywheel site {@code site} and returns a one-line summary. */
  public static String run(String site, boolean dryRun) {
    String summary =
        dryRun
            ? "{{gear_name}}: dry run on " + site + ", nothing changed"
            : "{{gear_name}}: done on " + site + ", nothing to change";
    log.info(summary);
    return summary;
  }
}
