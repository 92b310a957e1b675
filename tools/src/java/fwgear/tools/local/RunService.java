package fwgear.tools.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./gear run}: prepares a gear's run folder, builds what is stale, and runs the gear there
 * as Flywheel would, streaming its log.
 */
public final class RunService {
  private final GearBinaries binaries;
  private final PrintWriter out;
  private final PrintWriter err;

  public RunService(GearBinaries binaries, PrintWriter out, PrintWriter err) {
    this.binaries = binaries;
    this.out = out;
    this.err = err;
  }

  /** Prepares the run folder and writes its {@code run.sh}; builds nothing. */
  public RunFolder prepare(LocalGear gear, GearConfigFile invocation, Path folder) {
    RunFolder run =
        RunFolderPreparer.prepare(
            gear, invocation, folder, folder.toAbsolutePath().normalize().toString());
    writeRunScript(run, launch(gear, run, binaries.locate(gear)));
    return run;
  }

  /** Prepares, builds if stale, runs; returns the gear's exit code. */
  public int run(LocalGear gear, GearConfigFile invocation, Path folder) {
    RunFolder run = prepare(gear, invocation, folder);
    GearLaunch launch = launch(gear, run, binaries.build(gear, err));
    err.println(
        "gear: running " + gear.name() + " " + gear.version() + " in " + gear.display(run.root()));
    err.flush();
    int exitCode = GearProcess.run(launch, out, err);
    err.println("gear: " + gear.name() + " exited with code " + exitCode);
    err.flush();
    return exitCode;
  }

  /** Builds and runs a gear inside one of its own images. */
  @FunctionalInterface
  public interface ImageLauncher {
    /** Builds the gear's image if stale, runs the prepared folder in it; the gear's exit code. */
    int run(LocalGear gear, RunFolder run, PrintWriter out, PrintWriter err);
  }

  /**
   * Prepares the run folder for an image (input paths under {@value
   * RunFolderPreparer#FLYWHEEL_BASE}, where the folder is mounted), then runs the gear in its
   * image.
   */
  public int runInImage(
      LocalGear gear, GearConfigFile invocation, Path folder, ImageLauncher launcher) {
    RunFolder run =
        RunFolderPreparer.prepare(gear, invocation, folder, RunFolderPreparer.FLYWHEEL_BASE);
    int exitCode = launcher.run(gear, run, out, err);
    err.println("gear: " + gear.name() + " exited with code " + exitCode);
    err.flush();
    return exitCode;
  }

  static GearLaunch launch(LocalGear gear, RunFolder run, Map<String, Path> located) {
    String command =
        gear.manifest()
            .command()
            .orElseThrow(
                () ->
                    new fwgear.tools.UsageException(
                        gear.display(gear.manifestFile())
                            + ": the manifest has no command, so there is nothing to run"));
    return LocalLaunch.plan(command, gear.manifest().environment(), run, located);
  }

  /** A script that runs the gear in its folder again, with the same environment. */
  private static void writeRunScript(RunFolder run, GearLaunch launch) {
    String environment =
        launch.environment().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(entry -> entry.getKey() + "=" + LocalLaunch.quote(entry.getValue()))
            .collect(Collectors.joining(" \\\n  "));
    String command =
        launch.command().stream().map(RunService::shellWord).collect(Collectors.joining(" "));
    String script =
        "#!/usr/bin/env bash\n"
            + "# Runs the gear in this folder as ./gear run does: only these variables, this folder"
            + " as working directory.\n"
            + "cd \"$(dirname \"$0\")\" || exit 1\n"
            + "exec env -i \\\n  "
            + environment
            + " \\\n  "
            + command
            + "\n";
    try {
      Files.writeString(run.runScript(), script);
      Files.setPosixFilePermissions(run.runScript(), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the script is still there to read
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String shellWord(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
