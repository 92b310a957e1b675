package template_app;

import fwgear.context.GearContext;
import fwgear.engine.GearEngine;
import fwgear.engine.GearExecutionException;

/**
 * The gear's environment (the seed's {@code run.py}): the config, the Flywheel client, then {@link
 * Main}. The manifest holds the constraints; the engine reports bad input and failures.
 */
public final class Run {
  public static final String API_KEY = "api-key";

  /** The manifest's config. */
  record Config(boolean dryRun, String adminGroup, boolean newOnly) {}

  public static void main(String[] args) {
    GearEngine.exit(GearEngine.create().run(args, Run::run));
  }

  static void run(GearContext context) throws GearExecutionException {
    Config config = context.config(Config.class);
    Main.Options options = new Main.Options(config.adminGroup(), config.dryRun(), config.newOnly());
    new Main(context.client(), options).run();
  }
}
