package fwgear.tools.pkg;

import fwgear.tools.ExitCode;
import fwgear.tools.RepositoryOption;
import fwgear.tools.TargetSpecs;
import fwgear.tools.UsageException;
import fwgear.tools.buildfile.Repository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./gear package [specs]}: fat jars and gear images, as {@code pants package}. */
@Command(
    name = "package",
    mixinStandardHelpOptions = true,
    description = {
      "Packages the targets the specs select (default ::), as pants package does.",
      "deploy_jar: a self-executing fat jar at dist/<path.of.folder>/<name>.jar.",
      "docker_image: a build context of its files and packaged binaries, then an",
      "image built from its own Dockerfile, tagged with every image_tags entry.",
      "Builder: gear.toml's [docker] builder, else docker (with a running daemon),",
      "podman or buildah. An image whose inputs did not change and that is still",
      "in the builder's store is not rebuilt."
    })
public final class PackageCommand implements Callable<Integer> {
  @Mixin RepositoryOption repository;

  @Mixin TargetSpecs specs;

  @Option(
      names = {"-v", "--verbose"},
      description = "Stream the image builder's output.")
  boolean verbose;

  @Option(
      names = "--output",
      arity = "2",
      paramLabel = "<format> <path>",
      hideParamSyntax = true,
      description =
          "Also write each image as a tar: oci-archive or docker-archive, to <path> (a folder"
              + " when several images are packaged).")
  List<String> output = List.of();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Optional<PackageService.Output> archive = Optional.empty();
    if (!output.isEmpty()) {
      ImageBuilder.ArchiveFormat format =
          ImageBuilder.ArchiveFormat.named(output.get(0))
              .orElseThrow(
                  () ->
                      new UsageException(
                          "--output "
                              + output.get(0)
                              + ": the format is oci-archive or docker-archive"));
      archive =
          Optional.of(new PackageService.Output(format, Path.of(output.get(1)).toAbsolutePath()));
    }
    Repository repo = Repository.load(repository.root(), System.getenv());
    repo.printWarnings(spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    PackageService.Summary summary =
        new PackageService(repo, new PackageService.Options(verbose, archive), out)
            .packageTargets(specs.parse(repo));
    return (summary.ok() ? ExitCode.OK : ExitCode.FAILED).code();
  }
}
