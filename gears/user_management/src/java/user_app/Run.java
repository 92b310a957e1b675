package user_app;

import fwgear.context.GearContext;
import fwgear.context.InputFile;
import fwgear.engine.GearEngine;
import fwgear.engine.GearExecutionException;
import java.util.List;

/**
 * The gear's environment (the seed's {@code run.py}): the config (the manifest requires and checks
 * it), the user file (checked whole before any connection is made), the gear bot's Flywheel client
 * ({@code context.client()}: the key at {@code apikey_path_prefix}/apikey in SSM), then {@link
 * Main}.
 */
public final class Run {
  public static final String USER_FILE = "user_file";

  /** The manifest's config; {@code apikey_path_prefix} is read by {@code context.client()}. */
  record Config(boolean dryRun, String adminGroup) {}

  public static void main(String[] args) {
    GearEngine.exit(GearEngine.create().run(args, Run::run));
  }

  static void run(GearContext context) throws GearExecutionException {
    Config config = context.config(Config.class);
    InputFile file = context.inputFile(USER_FILE).orElseThrow(); // the manifest requires it
    List<UserEntry> entries = UserFile.read(file.path(), file.filename());
    new Main(context.client(), new Main.Options(config.adminGroup(), config.dryRun())).run(entries);
  }
}
