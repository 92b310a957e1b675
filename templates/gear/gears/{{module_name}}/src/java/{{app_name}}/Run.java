package {{app_name}};

import fwgear.context.GearContext;
import fwgear.engine.GearEngine;
import fwgear.engine.GearExecution;
import fwgear.engine.GearExecutionException;
import fwgear.flywheel.ApiKey;

/**
 * The entry point of the {{gear_name}} gear (the seed's {@code run.py}): gathers the inputs and
 * configuration from the gear context, then runs {@link Main}, which does the work.
 */
public final class Run {
  private Run() {}

  /** Reads what the gear needs; a missing value stops the gear before any work is done. */
  static GearExecution create(GearContext context) throws GearExecutionException {
    ApiKey apiKey =
        context
            .apiKey()
            .orElseThrow(() -> new GearExecutionException("the api-key input is missing"));
    return new {{class_name}}(apiKey.host(), context.flag("dry_run"));
  }

  /** The gathered values; running calls {@link Main}. */
  record {{class_name}}(String site, boolean dryRun) implements GearExecution {
    @Override
    public void run(GearContext context) {
      Main.run(site, dryRun);
    }
  }

  public static void main(String[] args) {
    System.exit(GearEngine.create().run(Run::create, args));
  }
}
