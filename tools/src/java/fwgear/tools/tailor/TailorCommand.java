package fwgear.tools.tailor;

import fwgear.tools.ExitCode;
import fwgear.tools.RepositoryOption;
import fwgear.tools.TargetSpecs;
import fwgear.tools.UsageException;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Specs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./gear tailor}: adds the BUILD targets source folders lack. */
@Command(
    name = "tailor",
    mixinStandardHelpOptions = true,
    description = {
      "Adds the BUILD targets a folder lacks: java_sources, junit_tests, a deploy_jar for a Run"
          + " class with main, and the manifest file and docker_image of a gear's src/docker.",
      "Existing targets are never edited. --check changes nothing and exits 1 when something"
          + " would change (for CI)."
    })
public final class TailorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RepositoryOption repository;

  @Option(names = "--check", description = "Change nothing; exit 1 when something would change.")
  boolean check;

  /**
   * The folders, as the specs of the other commands: {@code dir}, {@code dir::} or {@code ::} (each
   * a folder with everything below it: tailor works on folders, not targets), {@code -dir::} leaves
   * a folder and everything below it out, {@code -dir} that folder only.
   */
  @Mixin TargetSpecs folders;

  @Override
  public Integer call() {
    Path root = repository.root();
    PrintWriter out = spec.commandLine().getOut();
    List<String> given = folders.raw();
    Specs specs = Specs.parse(given);
    // Without a folder to include (nothing, or only exclusions): the gears folder, if any.
    boolean byDefault = given.stream().allMatch(s -> s.startsWith("-"));
    List<Path> dirs = new ArrayList<>();
    for (Specs.Spec include : specs.includes()) {
      Path dir = Path.of(byDefault ? Gear.GEARS : folder(include));
      if (!Files.isDirectory(root.resolve(dir))) {
        if (byDefault) {
          continue;
        }
        throw new UsageException("tailor: no folder " + include.text() + " in " + root);
      }
      dirs.add(dir);
    }
    Tailor tailor = new Tailor(root);
    List<BuildFileChange> changes =
        tailor.plan(dirs).stream().filter(change -> !excluded(specs, change.buildFile())).toList();
    changes.forEach(change -> out.println((check ? "would " : "") + change.summary()));
    if (check) {
      if (!changes.isEmpty()) {
        out.println(changes.size() + " BUILD file(s) lack targets; run ./gear tailor");
        return ExitCode.FAILED.code();
      }
      return ExitCode.OK.code();
    }
    tailor.write(changes);
    return ExitCode.OK.code();
  }

  /** The folder a spec names; tailor works on folders, so a target's address is refused. */
  private static String folder(Specs.Spec spec) {
    if (spec instanceof Specs.Recursive recursive) {
      return recursive.directory();
    }
    if (spec instanceof Specs.Directory directory) {
      return directory.directory();
    }
    throw new UsageException("tailor works on folders: " + spec.text() + " names a target");
  }

  /** Whether an exclusion covers the folder of a BUILD file (given relative to the root). */
  private static boolean excluded(Specs specs, Path buildFile) {
    Path parent = buildFile.getParent();
    String folder = parent == null ? "" : parent.toString();
    for (Specs.Spec spec : specs.excludes()) {
      String dir = folder(spec);
      boolean below = spec instanceof Specs.Recursive;
      if (folder.equals(dir) || (below && (dir.isEmpty() || folder.startsWith(dir + "/")))) {
        return true;
      }
    }
    return false;
  }
}
