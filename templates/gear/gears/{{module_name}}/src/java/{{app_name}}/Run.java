package {{app_name}};

import fwgear.context.GearContext;
import fwgear.engine.GearEngine;
import fwgear.engine.GearExecutionException;
import fwgear.flywheel.FlywheelClient;

/**
 * The entry point of the {{gear_name}} gear (the seed's {@code run.py}): reads the configuration
 * and inputs from the gear context, gets the Flywheel client, then runs {@link Main}, which does
 * the work. The engine reports bad input (exit 2) and failures (exit 1).
 */
public final class Run {
  private Run() {}

  /** The manifest's config, bound by name ({@code dry_run}); its constraints are in the manifest. */
  record Config(boolean dryRun) {}

  public static void main(String[] args) {
    GearEngine.exit(GearEngine.create().run(args, Run::run));
  }

  static void run(GearContext context) throws GearExecutionException {
    Config config = context.config(Config.class);
    FlywheelClient client = context.client(); // the api-key input's, or the gear bot's
    Main.run(client.host(), config.dryRun());
  }
}
