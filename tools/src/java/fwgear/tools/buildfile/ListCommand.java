package fwgear.tools.buildfile;

import fwgear.tools.ExitCode;
import fwgear.tools.RepositoryOption;
import fwgear.tools.TargetSpecs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code ./gear list [specs]}: the addresses of the targets the specs select. */
@Command(
    mixinStandardHelpOptions = true,
    name = "list",
    description = {
      "Prints the addresses of the targets that the specs select, one a line.",
      "Specs: dir:name, dir, :name, //:name, dir::, :: (default); -spec excludes."
    })
public final class ListCommand implements Callable<Integer> {
  @Mixin RepositoryOption repository;

  @Mixin TargetSpecs specs;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Repository repo = Repository.load(repository.root(), System.getenv());
    repo.printWarnings(spec.commandLine().getErr());
    var out = spec.commandLine().getOut();
    for (Target target : repo.targets(specs.parse(repo))) {
      out.println(target.address());
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
