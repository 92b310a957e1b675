package fwgear.tools.local;

import fwgear.tools.buildfile.Gear;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./gear run}: prepares a gear's run folder, builds what is stale, and runs the gear there
 * as Flywheel would, streaming its log.
 */
public final class RunService {
  private final GearBinaries binaries;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> aws;

  /** Gears get the AWS settings of this process's environment ({@link AwsEnvironment}). */
  public RunService(GearBinaries binaries, PrintWriter out, PrintWriter err) {
    this(binaries, out, err, AwsEnvironment.of(System.getenv()));
  }

  /**
   * @param aws the AWS variables the gear gets (its SDK reads them: the gear-bot key comes from
   *     SSM)
   */
  public RunService(
      GearBinaries binaries, PrintWriter out, PrintWriter err, Map<String, String> aws) {
    this(binaries, out, err, AwsEnvironment.of(aws), true);
  }

  private RunService(
      GearBinaries binaries,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      boolean exact) {
    this.binaries = binaries;
    this.out = out;
    this.err = err;
    this.aws = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
  }

  /**
   * Gears get exactly these variables beyond the manifest's ({@link RunEnvironment}: the caller's
   * AWS settings, {@code --env-file}, {@code --env}).
   */
  public static RunService withEnvironment(
      GearBinaries binaries, PrintWriter out, PrintWriter err, Map<String, String> environment) {
    return new RunService(binaries, out, err, environment, true);
  }

  /** The variables gears get beyond their manifest's environment. */
  public Map<String, String> environment() {
    return aws;
  }

  /** Prepares the run folder and writes its {@code run.sh}; builds nothing. */
  public RunFolder prepare(Gear gear, GearConfigFile invocation, Path folder) {
    return prepare(gear, invocation, folder, List.of());
  }

  /**
   * Prepares the run folder and writes its {@code run.sh}, which passes {@code arguments} to the
   * gear; builds nothing.
   */
  public RunFolder prepare(
      Gear gear, GearConfigFile invocation, Path folder, List<String> arguments) {
    RunFolder run =
        RunFolderPreparer.prepare(
            gear, invocation, folder, folder.toAbsolutePath().normalize().toString());
    writeRunScript(run, launch(gear, run, binaries.locate(gear), arguments, aws));
    return run;
  }

  /** Prepares, builds if stale, runs; returns the gear's exit code. */
  public int run(Gear gear, GearConfigFile invocation, Path folder) {
    return run(gear, invocation, folder, List.of());
  }

  /**
   * Prepares, builds if stale, runs with {@code arguments} after the manifest's command (the gear's
   * own command-line overrides, such as {@code dry_run=true} or {@code --debug}); returns the
   * gear's exit code.
   */
  public int run(Gear gear, GearConfigFile invocation, Path folder, List<String> arguments) {
    RunFolder run = prepare(gear, invocation, folder, arguments);
    GearLaunch launch = launch(gear, run, binaries.build(gear, err), arguments, aws);
    err.println(
        "gear: running "
            + gear.manifest().name()
            + " "
            + gear.manifest().version()
            + " in "
            + gear.display(run.root()));
    err.flush();
    int exitCode = GearProcess.run(launch, out, err);
    finished(gear, run, exitCode);
    return exitCode;
  }

  /** Builds and runs a gear inside one of its own images. */
  @FunctionalInterface
  public interface ImageLauncher {
    /**
     * Builds the gear's image if stale, runs {@code command} (a bash command line) in it with the
     * prepared folder; returns the gear's exit code.
     */
    int run(Gear gear, RunFolder run, String command, PrintWriter out, PrintWriter err);

    /**
     * This launcher giving the gears these variables too (the AWS settings of a local server the
     * demo started); a launcher that passes no environment stays as it is.
     */
    default ImageLauncher withEnvironment(Map<String, String> variables) {
      return this;
    }
  }

  /**
   * Prepares the run folder for an image (input paths under {@value
   * RunFolderPreparer#FLYWHEEL_BASE}, where the folder is mounted), then runs the gear in its
   * image.
   */
  public int runInImage(
      Gear gear,
      GearConfigFile invocation,
      Path folder,
      List<String> arguments,
      ImageLauncher launcher) {
    RunFolder run =
        RunFolderPreparer.prepare(gear, invocation, folder, RunFolderPreparer.FLYWHEEL_BASE);
    int exitCode = launcher.run(gear, run, commandLine(gear, arguments), out, err);
    finished(gear, run, exitCode);
    return exitCode;
  }

  /** The exit code, and what the gear left in output/ (what Flywheel would save). */
  private void finished(Gear gear, RunFolder run, int exitCode) {
    err.println("gear: " + gear.manifest().name() + " exited with code " + exitCode);
    try (Stream<Path> files = Files.walk(run.output())) {
      List<String> saved =
          files
              .filter(Files::isRegularFile)
              .map(file -> run.output().relativize(file).toString())
              .sorted()
              .toList();
      if (!saved.isEmpty()) {
        err.println(
            "gear: output in " + gear.display(run.output()) + ": " + String.join(", ", saved));
      }
    } catch (IOException e) {
      // an unreadable output folder only costs the listing
    }
    err.flush();
  }

  static GearLaunch launch(
      Gear gear,
      RunFolder run,
      Map<String, Path> located,
      List<String> arguments,
      Map<String, String> aws) {
    Map<String, String> environment = new java.util.LinkedHashMap<>(gear.manifest().environment());
    environment.putAll(aws);
    return LocalLaunch.plan(commandLine(gear, arguments), environment, run, located);
  }

  /**
   * The manifest's command (Flywheel runs {@code /flywheel/v0/run} when there is none), then the
   * arguments, each one shell word.
   */
  static String commandLine(Gear gear, List<String> arguments) {
    StringBuilder command =
        new StringBuilder(
            gear.manifest().command().orElse(RunFolderPreparer.FLYWHEEL_BASE + "/run"));
    arguments.forEach(argument -> command.append(' ').append(LocalLaunch.quote(argument)));
    return command.toString();
  }

  /** A script that runs the gear in its folder again, with the same environment. */
  private static void writeRunScript(RunFolder run, GearLaunch launch) {
    String environment =
        launch.environment().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                entry ->
                    AwsEnvironment.SECRETS.contains(entry.getKey())
                        // a secret stays out of the file: the script takes it from its caller
                        ? entry.getKey() + "=\"${" + entry.getKey() + "-}\""
                        : entry.getKey() + "=" + LocalLaunch.quote(entry.getValue()))
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
