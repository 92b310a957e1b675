package fwgear.tools.release;

import fwgear.tools.ExitCode;
import fwgear.tools.GearArgument;
import fwgear.tools.RepositoryOption;
import fwgear.tools.buildfile.Repository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./gear bump}: raises a gear's version everywhere it is written. */
@Command(
    name = "bump",
    mixinStandardHelpOptions = true,
    description = {
      "Raises a gear's version: BUILD image_tags, manifest version and custom.gear-builder.image,"
          + " and moves the CHANGELOG's Unreleased entries under the new version with today's"
          + " date.",
      "Only those values change; a version that is not greater is refused."
    })
public final class BumpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RepositoryOption repository;

  @Parameters(
      index = "0",
      paramLabel = "GEAR",
      description = "The gear: its folder (gears/zebra_sync), module or manifest name.")
  String gear;

  @Parameters(
      index = "1",
      paramLabel = "VERSION",
      description = "The new version (1.2.0), or major, minor or patch.")
  String version;

  @Option(names = "--dry-run", description = "Show what would change; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    Path root = repository.root();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GearBumper bumper = new GearBumper(root, LocalDate.now());
    GearBumper.Plan plan =
        bumper.plan(
            GearArgument.resolve(Repository.load(root, System.getenv()), root, gear), version);
    if (!dryRun) {
      bumper.write(plan);
    }
    plan.changes().forEach(change -> out.println((dryRun ? "would change " : "") + change));
    plan.warnings().forEach(warning -> err.println("gear: warning: " + warning));
    out.println(
        (dryRun ? "Would bump " : "Bumped ")
            + plan.gear().folder()
            + " from "
            + plan.from()
            + " to "
            + plan.to()
            + ".");
    return ExitCode.OK.code();
  }
}
