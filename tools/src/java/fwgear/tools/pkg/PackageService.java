package fwgear.tools.pkg;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.tools.buildfile.Address;
import fwgear.tools.buildfile.DockerImage;
import fwgear.tools.buildfile.Located;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import fwgear.tools.buildfile.Target;
import fwgear.tools.buildfile.Target.DeployJarTarget;
import fwgear.tools.buildfile.Target.DockerImageTarget;
import fwgear.tools.docker.Dockerfile;
import fwgear.tools.docker.ImageContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code ./gear package}: packages the targets the specs select, as {@code pants package} does. A
 * {@code deploy_jar} becomes a self-executing fat jar under {@code dist/}; a {@code docker_image}
 * becomes a staged build context and an image built from its own Dockerfile with every tag. One
 * progress line per image (and per jar not packaged for an image).
 */
public final class PackageService {
  /**
   * What to do besides building.
   *
   * @param verbose stream the builder's output
   * @param output write each image as an archive of this format to this path (a folder when several
   *     images are packaged)
   */
  public record Options(boolean verbose, Optional<Output> output) {
    public static Options defaults() {
      return new Options(false, Optional.empty());
    }
  }

  /** {@code --output FORMAT PATH}. */
  public record Output(ImageBuilder.ArchiveFormat format, Path path) {}

  /** What was packaged, and what failed (one message each). */
  public record Summary(
      List<BinaryPackager.PackagedJar> jars,
      List<ImagePackager.PackagedImage> images,
      List<String> failures) {
    public boolean ok() {
      return failures.isEmpty();
    }
  }

  private final Repository repository;
  private final Options options;
  private final PrintWriter out;
  private final BinaryPackager binaries;

  public PackageService(Repository repository, Options options, PrintWriter out) {
    this.repository = repository;
    this.options = options;
    this.out = out;
    this.binaries = new BinaryPackager(repository.root(), this::progress);
  }

  public Summary packageTargets(Specs specs) throws IOException {
    List<Target> selected = repository.targets(specs);
    List<DockerImage> images = new ArrayList<>();
    Map<Address, DeployJarTarget> jarTargets = new LinkedHashMap<>();
    for (Target target : selected) {
      if (target instanceof DockerImageTarget image) {
        images.add(repository.dockerImage(image));
      } else if (target instanceof DeployJarTarget jar) {
        jarTargets.put(jar.address(), jar);
      }
    }
    Set<Address> forImages = new LinkedHashSet<>();
    List<Problem> problems = new ArrayList<>();
    for (DockerImage image : images) {
      for (Address dependency : image.dependencies()) {
        Optional<Target> target = repository.target(dependency);
        if (target.isPresent() && target.get() instanceof DeployJarTarget jar) {
          jarTargets.putIfAbsent(dependency, jar);
          forImages.add(dependency);
        }
      }
    }
    List<BinaryPackager.JarBinary> jarBinaries =
        jarTargets.values().stream().map(BinaryPackager::jarBinary).toList();
    Map<Address, BuildContext> contexts = new LinkedHashMap<>();
    Map<Address, ImageContext> imageContexts = new LinkedHashMap<>();
    for (DockerImage image : images) {
      buildContext(image, imageContexts, problems)
          .ifPresent(context -> contexts.put(image.address(), context));
    }
    InvalidInputException.throwIfErrors(problems);
    if (jarTargets.isEmpty() && images.isEmpty()) {
      progress("nothing to package: the specs select no deploy_jar or docker_image target");
      return new Summary(List.of(), List.of(), List.of());
    }

    List<BinaryPackager.PackagedJar> jars = binaries.packageJars(jarBinaries);
    Map<String, BinaryPackager.PackagedJar> jarsByOutput = new LinkedHashMap<>();
    List<Address> jarAddresses = new ArrayList<>(jarTargets.keySet());
    for (int i = 0; i < jars.size(); i++) {
      BinaryPackager.PackagedJar jar = jars.get(i);
      jarsByOutput.put(jar.binary().outputPath(), jar);
      if (!forImages.contains(jarAddresses.get(i))) {
        progress(
            jarAddresses.get(i)
                + ": "
                + (jar.rebuilt() ? "built " : "unchanged ")
                + repository.root().relativize(jar.jar()));
      }
    }

    List<ImagePackager.PackagedImage> packaged = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (!images.isEmpty()) {
      ImagePackager imagePackager =
          new ImagePackager(
              repository.root(), ImageBuilder.detect(repository.settings().imageBuilder()));
      for (DockerImage image : images) {
        try {
          ImagePackager.PackagedImage result =
              imagePackager.packageImage(
                  request(image, imageContexts.get(image.address()), contexts.get(image.address())),
                  options.verbose() ? this::progress : line -> {});
          packaged.add(result);
          progress(imageLine(image, result, jarsByOutput));
        } catch (ImageBuilder.BuilderException e) {
          String failure = failureMessage(image, imageContexts.get(image.address()), e);
          failures.add(failure);
          progress(failure);
        }
      }
      if (options.output().isPresent()) {
        writeArchives(imagePackager, packaged, options.output().get());
      }
    }
    FileDigests.of(repository.root()).save();
    return new Summary(jars, packaged, failures);
  }

  /**
   * The image's build context, from the one build-context rule ({@link ImageContext}): the
   * Dockerfile (an inline one written under {@code dist/.gear/dockerfiles}), the files and the
   * binaries, each at its context path; empty with problems when it cannot be built.
   */
  private Optional<BuildContext> buildContext(
      DockerImage image, Map<Address, ImageContext> contexts, List<Problem> problems)
      throws IOException {
    DockerImageTarget target = image.target();
    ImageContext context = ImageContext.of(repository, image);
    int before = problems.size();
    for (Problem problem : context.problems()) {
      problems.add(
          problem.rule().startsWith("dockerfile-")
              ? Problem.error(
                  target.buildFile(),
                  target.lineOf("source"),
                  "source",
                  "docker-source",
                  image.dockerfile()
                      + (problem.rule().equals("dockerfile-missing")
                          ? " does not exist"
                          : ": " + problem.message()))
              : problem);
    }
    java.util.function.Consumer<String> dependencyProblem =
        message ->
            problems.add(
                Problem.error(
                    target.buildFile(),
                    target.lineOf("dependencies"),
                    "dependencies",
                    "docker-dependency",
                    message));
    context.missing().forEach(dependency -> dependencyProblem.accept("no target " + dependency));
    for (Target dependency : context.unstaged()) {
      dependencyProblem.accept(
          dependency.address()
              + " is a "
              + dependency.typeName()
              + ": ./gear package puts file, files, resource(s) and deploy_jar targets in an"
              + " image's context");
    }
    Map<String, Path> files = new TreeMap<>();
    context
        .entries()
        .forEach(
            (path, entry) -> {
              if (entry.binary()
                  && !(entry.owner() instanceof DeployJarTarget)
                  && !Files.isRegularFile(entry.file())) {
                dependencyProblem.accept(
                    entry.owner().address()
                        + " is a "
                        + entry.owner().typeName()
                        + ", which ./gear package does not build, and dist/"
                        + path
                        + " does not exist");
              }
              files.put(path, entry.file());
            });
    if (problems.size() == before) {
      problems.addAll(context.copySourceProblems(repository));
    }
    if (problems.size() != before) {
      return Optional.empty();
    }
    contexts.put(image.address(), context);
    Path dockerfile = repository.resolve(context.dockerfile());
    if (context.inline()) {
      dockerfile = repository.resolve("dist/.gear/dockerfiles").resolve(context.dockerfile());
      byte[] text = context.text().orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (!Files.isRegularFile(dockerfile)
          || !java.util.Arrays.equals(Files.readAllBytes(dockerfile), text)) {
        Files.createDirectories(dockerfile.getParent());
        Files.write(dockerfile, text);
      }
    }
    files.put(context.dockerfile(), dockerfile);
    return Optional.of(BuildContext.of(context.dockerfile(), files));
  }

  private ImagePackager.ImageRequest request(
      DockerImage image, ImageContext imageContext, BuildContext context) {
    DockerImageTarget target = image.target();
    String infoFile =
        (target.directory().isEmpty() ? "" : target.directory().replace('/', '.') + "/")
            + target.name()
            + ".docker-info.json";
    Map<String, String> buildArgs = imageContext.buildArgs();
    List<String> baseImages =
        imageContext.parsed().orElseThrow().froms(buildArgs).stream()
            .map(Dockerfile.From::resolvedImage)
            .toList();
    return new ImagePackager.ImageRequest(
        target.address().toString(),
        infoFile,
        context,
        image.imageNames(),
        buildArgs,
        baseImages,
        target.targetStage().map(Located::value),
        target.buildPlatform().value());
  }

  private String imageLine(
      DockerImage image,
      ImagePackager.PackagedImage result,
      Map<String, BinaryPackager.PackagedJar> jars) {
    String names = String.join(", ", image.imageNames());
    if (!result.built()) {
      return image.address() + ": unchanged " + names;
    }
    boolean jarRebuilt =
        result.request().context().files().keySet().stream()
            .map(jars::get)
            .anyMatch(jar -> jar != null && jar.rebuilt());
    return String.format(
        Locale.ROOT,
        "%s: built %s in %.1f s%s",
        image.address(),
        names,
        result.time().toMillis() / 1000.0,
        jarRebuilt ? " (jar rebuilt)" : "");
  }

  private String failureMessage(
      DockerImage image, ImageContext context, ImageBuilder.BuilderException e) {
    StringBuilder message = new StringBuilder(image.address() + ": the image build failed");
    context
        .parsed()
        .flatMap(dockerfile -> FailedStep.locate(e.output(), dockerfile))
        .ifPresent(
            step ->
                message
                    .append(" at ")
                    .append(context.shownAs())
                    .append(':')
                    .append(step.line())
                    .append(": ")
                    .append(step.keyword())
                    .append(' ')
                    .append(step.arguments()));
    if (!options.verbose()) {
      List<String> output = e.output();
      message
          .append('\n')
          .append(
              String.join("\n", output.subList(Math.max(0, output.size() - 15), output.size())));
    }
    return message.toString();
  }

  private void writeArchives(
      ImagePackager imagePackager, List<ImagePackager.PackagedImage> images, Output output)
      throws IOException {
    boolean folder = images.size() > 1 || Files.isDirectory(output.path());
    for (ImagePackager.PackagedImage image : images) {
      Path archive =
          folder
              ? output.path().resolve(image.request().label().replaceAll(".*:", "") + ".tar")
              : output.path();
      imagePackager.save(image, output.format(), archive);
      progress(image.request().label() + ": wrote " + output.format().transport() + " " + archive);
    }
  }

  private void progress(String line) {
    out.println(line);
    out.flush();
  }
}
