package fwgear.tools.buildfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fwgear.tools.ExitCode;
import fwgear.tools.RepositoryOption;
import fwgear.tools.TargetSpecs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code ./gear peek [specs]}: the targets as JSON, as {@code pants peek} prints them, plus what
 * the tool resolves: image names of docker_image targets and output paths of binaries.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "peek",
    description = {
      "Prints the targets the specs select as a JSON array: address, target_type,",
      "their fields; for docker_image the resolved repository, tags, image names",
      "and base images; for deploy_jar and pex_binary the output path under dist/."
    })
public final class PeekCommand implements Callable<Integer> {
  @Mixin RepositoryOption repository;

  @Mixin TargetSpecs specs;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    Repository repo = Repository.load(repository.root(), System.getenv());
    repo.printWarnings(spec.commandLine().getErr());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Target target : repo.targets(specs.parse(repo))) {
      out.add(describe(repo, target));
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    spec.commandLine().getOut().println(json.writeValueAsString(out));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }

  /**
   * The FROM images with build args resolved, from the Dockerfile as the build-context rule reads
   * it; empty when it cannot be read.
   */
  private static java.util.Optional<List<String>> baseImages(Repository repo, DockerImage image) {
    try {
      return fwgear.tools.docker.ImageContext.of(repo, image)
          .parsed()
          .map(
              dockerfile ->
                  dockerfile.froms(image.buildArgValues()).stream()
                      .map(fwgear.tools.docker.Dockerfile.From::resolvedImage)
                      .toList());
    } catch (fwgear.problem.InvalidInputException e) {
      return java.util.Optional.empty();
    }
  }

  /** One target as a JSON-ready map. */
  public static Map<String, Object> describe(Repository repo, Target target) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("address", target.address().spec());
    entry.put("target_type", target.typeName());
    entry.put("build_file", target.buildFile());
    target.fields().forEach((field, value) -> entry.put(field, BuildValue.toJson(value)));
    if (target instanceof Target.BinaryTarget binary) {
      entry.put("output_path", binary.outputPath());
    }
    if (target instanceof Target.DockerImageTarget imageTarget) {
      DockerImage image = repo.dockerImage(imageTarget);
      entry.put("dockerfile", image.dockerfile());
      entry.put("resolved_repository", image.repository());
      entry.put("resolved_registries", image.registries());
      entry.put("resolved_tags", image.tags());
      entry.put("image_names", image.imageNames());
      baseImages(repo, image).ifPresent(images -> entry.put("base_images", images));
    }
    return entry;
  }
}
