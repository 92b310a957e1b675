package project_app;

import java.nio.file.Path;

/** The computation. */
final class Main {
  static void run(Path projectFile, String adminGroup, boolean dryRun, boolean newOnly) {
    System.out.println(projectFile + " " + adminGroup + " " + dryRun + " " + newOnly);
  }
}
