package fwgear.tools.tailor;

import fwgear.tools.RepositoryOption;
import fwgear.tools.UsageException;
import fwgear.tools.release.GearFiles;
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
import picocli.CommandLine.Parameters;
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

  @Parameters(
      paramLabel = "DIR",
      arity = "0..*",
      description =
          "Folders to tailor, with everything below them (default: gears, or :: for all).")
  List<String> folders = new ArrayList<>();

  @Override
  public Integer call() {
    Path root = repository.root();
    PrintWriter out = spec.commandLine().getOut();
    List<Path> dirs = new ArrayList<>();
    for (String folder : folders.isEmpty() ? List.of(GearFiles.GEARS) : folders) {
      String clean = folder.replaceAll("(::|/)+$", "");
      Path dir = clean.isEmpty() ? Path.of("") : Path.of(clean);
      if (!Files.isDirectory(root.resolve(dir))) {
        if (folders.isEmpty()) {
          continue;
        }
        throw new UsageException("tailor: no folder " + folder + " in " + root);
      }
      dirs.add(dir);
    }
    Tailor tailor = new Tailor(root);
    List<BuildFileChange> changes = tailor.plan(dirs);
    changes.forEach(change -> out.println((check ? "would " : "") + change.summary()));
    if (check) {
      if (!changes.isEmpty()) {
        out.println(changes.size() + " BUILD file(s) lack targets; run ./gear tailor");
        return 1;
      }
      return 0;
    }
    tailor.write(changes);
    return 0;
  }
}
