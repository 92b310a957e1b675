package project_app;

import fwgear.context.GearContext;
import fwgear.context.InputFile;
import fwgear.engine.GearEngine;
import fwgear.engine.GearExecutionException;
import project_app.definition.ProjectFile;
import project_app.site.FlywheelSite;

/**
 * The gear's environment (the seed's {@code run.py}): the config, the project file (checked whole
 * before any connection is made), the Flywheel client, then {@link Main}. The manifest holds the
 * constraints; the engine reports bad input and failures.
 */
public final class Run {
  public static final String API_KEY = "api-key";
  public static final String PROJECT_FILE = "project_file";

  /** The manifest's config; {@code apikey_path_prefix} is read by {@code context.client()}. */
  record Config(boolean dryRun, String adminGroup, boolean newOnly) {}

  public static void main(String[] args) {
    GearEngine.exit(GearEngine.create().run(args, Run::run));
  }

  static void run(GearContext context) throws GearExecutionException {
    Config config = context.config(Config.class);
    InputFile file = context.inputFile(PROJECT_FILE).orElseThrow(); // the manifest requires it
    ProjectFile.Contents contents = ProjectFile.read(file.path(), file.filename());
    Main.Options options = new Main.Options(config.adminGroup(), config.dryRun(), config.newOnly());
    new Main(new FlywheelSite(context.client()), options).run(contents);
  }
}
