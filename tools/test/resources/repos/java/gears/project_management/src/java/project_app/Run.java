package project_app;

import fwgear.context.GearContext;
import java.nio.file.Path;

/** Gathers what the gear needs from its context, then runs Main. */
public final class Run {
  public static void main(String[] args) throws Exception {
    GearContext context = GearContext.open(args);
    boolean dryRun = context.config("dry_run", Boolean.class);
    String adminGroup = context.config("admin_group", String.class);
    boolean newOnly = context.config("new_only", Boolean.class);
    Path projectFile = context.inputPath("project_file");
    Main.run(projectFile, adminGroup, dryRun, newOnly);
  }
}
