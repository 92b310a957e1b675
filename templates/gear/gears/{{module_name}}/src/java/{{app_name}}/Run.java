package {{app_name}};

import fwgear.context.GearContext;
import fwgear.engine.GearEngine;
import fwgear.engine.GearExecution;

/**
 * The entry point of the {{gear_name}} gear: gathers the configuration from the gear context and
 * calls {@link Main}.
 */
public final class Run implements GearExecution {
  private final boolean dryRun;

  private Run(boolean dryRun) {
    this.dryRun = dryRun;
  }

  /** Reads what the gear needs from its context; a bad value stops the gear before any work. */
  static Run create(GearContext context) {
    return new Run(context.configBoolean("dry_run"));
  }

  @Override
  public void run(GearContext context) {
    Main.run(dryRun);
  }

  public static void main(String[] args) {
    System.exit(GearEngine.create().run(Run::create, args));
  }
}
