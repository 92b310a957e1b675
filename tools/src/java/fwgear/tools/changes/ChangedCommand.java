package fwgear.tools.changes;

import fwgear.tools.ExitCode;
import fwgear.tools.RepositoryOption;
import fwgear.tools.buildfile.Gear;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./gear changed}: the gears a change touches, one per line, for other commands. */
@Command(
    name = "changed",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the gears whose files differ from a git ref (committed, uncommitted and untracked"
          + " changes), one per line, so that its output feeds other commands:",
      "  ./gear package $(./gear changed --since origin/main --dependents)"
    })
public final class ChangedCommand implements Callable<Integer> {
  /** How a gear is printed. */
  enum Format {
    /** {@code gears/zebra_sync::}: a Pants spec of everything in the gear. */
    SPEC,
    /** {@code gears/zebra_sync}. */
    FOLDER,
    /** The manifest name, {@code zebra-sync}. */
    NAME
  }

  @Spec CommandSpec spec;

  @Mixin RepositoryOption repository;

  @Option(
      names = "--since",
      required = true,
      paramLabel = "REF",
      description = "The git ref to compare with, such as origin/main or HEAD~3.")
  String since;

  @Option(
      names = "--dependents",
      description = "Also the gears whose Maven module depends on changed common code.")
  boolean dependents;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "spec",
      description = "spec (gears/x::, the default), folder (gears/x) or name (the manifest name).")
  Format format;

  @Override
  public Integer call() {
    Path root = repository.root();
    PrintWriter out = spec.commandLine().getOut();
    List<Gear> gears = new ChangedGears(root, System.getenv()).since(since, dependents);
    for (Gear gear : gears) {
      out.println(
          switch (format) {
            case SPEC -> gear.folder() + "::";
            case FOLDER -> gear.folder();
            case NAME -> gear.manifestName().orElse(gear.name());
          });
    }
    return ExitCode.OK.code();
  }
}
