package fwgear.tools.pkg;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.tools.buildfile.Address;
import fwgear.tools.buildfile.DockerImage;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import fwgear.tools.buildfile.Target;
import fwgear.tools.buildfile.TargetTypes;
import fwgear.tools.docker.Dockerfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

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
    List<DockerImage> images =
        selected.stream()
            .filter(t -> t.is(TargetTypes.DOCKER_IMAGE))
            .map(repository::dockerImage)
            .toList();
    Map<Address, Target> jarTargets = new LinkedHashMap<>();
    Set<Address> forImages = new LinkedHashSet<>();
    selected.stream()
        .filter(t -> t.is(TargetTypes.DEPLOY_JAR))
        .forEach(t -> jarTargets.put(t.address(), t));
    List<Problem> problems = new ArrayList<>();
    for (DockerImage image : images) {
      for (Address dependency : image.dependencies()) {
        Optional<Target> target = repository.target(dependency);
        if (target.isPresent() && target.get().is(TargetTypes.DEPLOY_JAR)) {
          jarTargets.putIfAbsent(dependency, target.get());
          forImages.add(dependency);
        }
      }
    }
    List<BinaryPackager.JarBinary> jarBinaries = new ArrayList<>();
    for (Target target : jarTargets.values()) {
      try {
        jarBinaries.add(BinaryPackager.jarBinary(target));
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    Map<Address, BuildContext> contexts = new LinkedHashMap<>();
    for (DockerImage image : images) {
      buildContext(image, problems).ifPresent(context -> contexts.put(image.address(), context));
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
              repository.root(), ImageBuilder.detect(BuilderSettings.of(repository.settings())));
      for (DockerImage image : images) {
        try {
          ImagePackager.PackagedImage result =
              imagePackager.packageImage(
                  request(image, contexts.get(image.address())),
                  options.verbose() ? this::progress : line -> {});
          packaged.add(result);
          progress(imageLine(image, result, jarsByOutput));
        } catch (ImageBuilder.BuilderException e) {
          String failure = failureMessage(image, e);
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

  /** The Dockerfile, the files and the binaries of an image, each at its context path. */
  private Optional<BuildContext> buildContext(DockerImage image, List<Problem> problems) {
    Target target = image.target();
    Map<String, Path> files = new TreeMap<>();
    int before = problems.size();
    Path dockerfile = repository.resolve(image.dockerfile());
    if (!Files.isRegularFile(dockerfile)) {
      problems.add(
          Problem.error(
              target.buildFile(),
              target.lineOf("source"),
              "source",
              "docker-source",
              image.dockerfile() + " does not exist"));
    }
    files.put(image.dockerfile(), dockerfile);
    for (Address dependency : image.dependencies()) {
      Optional<Target> found = repository.target(dependency);
      if (found.isEmpty()) {
        problems.add(
            Problem.error(
                target.buildFile(),
                target.lineOf("dependencies"),
                "dependencies",
                "docker-dependency",
                "no target " + dependency));
        continue;
      }
      Target dep = found.get();
      switch (dep.type()) {
        case "file", "resource" ->
            dep.string("source").ifPresent(source -> addSource(dep, source, files, problems));
        case "files", "resources" ->
            dep.strings("sources").forEach(source -> addSource(dep, source, files, problems));
        case TargetTypes.DEPLOY_JAR ->
            dep.outputPath()
                .ifPresent(
                    output -> files.put(output, repository.root().resolve("dist").resolve(output)));
        default ->
            problems.add(
                Problem.error(
                    target.buildFile(),
                    target.lineOf("dependencies"),
                    "dependencies",
                    "docker-dependency",
                    dependency
                        + " is a "
                        + dep.type()
                        + ": ./gear package puts file, files, resource(s) and deploy_jar targets in an image's context"));
      }
    }
    if (problems.size() == before) {
      copySourcesInContext(image, files.keySet(), problems);
    }
    return problems.size() == before
        ? Optional.of(BuildContext.of(image.dockerfile(), files))
        : Optional.empty();
  }

  /**
   * Every COPY/ADD source must be in the context: caught here, it names the Dockerfile line and
   * what the context holds, instead of a builder error after minutes (Pants' "context
   * troubleshooter"). Sources from another stage or image, URLs and patterns are left to the
   * builder.
   */
  private void copySourcesInContext(
      DockerImage image, java.util.Set<String> contextPaths, List<Problem> problems) {
    Dockerfile dockerfile;
    try {
      dockerfile = Dockerfile.parse(repository.resolve(image.dockerfile()), image.dockerfile());
    } catch (InvalidInputException unreadable) {
      problems.addAll(unreadable.problems());
      return;
    }
    Map<String, String> buildArgs = DockerImage.buildArgValues(image.buildArgs());
    for (Dockerfile.Copy copy : dockerfile.copies(buildArgs)) {
      if (copy.from().isPresent()) {
        continue;
      }
      for (String source : copy.sources()) {
        String path = source.startsWith("./") ? source.substring(2) : source;
        boolean skipped =
            path.contains("://") || path.contains("*") || path.contains("?") || path.contains("$");
        String folder = path.endsWith("/") ? path : path + "/";
        boolean present =
            path.equals(".")
                || contextPaths.contains(path)
                || contextPaths.stream().anyMatch(file -> file.startsWith(folder));
        if (!skipped && !present) {
          problems.add(
              Problem.error(
                  image.dockerfile(),
                  copy.line(),
                  "",
                  "docker-context",
                  copy.keyword()
                      + " source "
                      + source
                      + " is not in the build context of "
                      + image.address()
                      + " (it holds "
                      + String.join(", ", contextPaths)
                      + "; add the target that provides it to the docker_image's dependencies)"));
        }
      }
    }
  }

  /** Adds a file target's source (a name or a glob, relative to its BUILD folder). */
  private void addSource(
      Target dep, String source, Map<String, Path> files, List<Problem> problems) {
    Path folder = repository.resolve(dep.directory());
    if (!source.contains("*") && !source.contains("?")) {
      Path file = folder.resolve(source).normalize();
      if (!Files.isRegularFile(file)) {
        problems.add(
            Problem.error(
                dep.buildFile(),
                dep.lineOf("source"),
                "source",
                "file-source",
                dep.pathOf(source) + " does not exist"));
        return;
      }
      files.put(dep.pathOf(source), file);
      return;
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source);
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile)
          .filter(file -> matcher.matches(folder.relativize(file)))
          .forEach(file -> files.put(dep.pathOf(folder.relativize(file).toString()), file));
    } catch (IOException e) {
      problems.add(
          Problem.error(
              dep.buildFile(),
              dep.line(),
              "sources",
              "file-source",
              "cannot read " + folder + ": " + e.getMessage()));
    }
  }

  private ImagePackager.ImageRequest request(DockerImage image, BuildContext context) {
    Target target = image.target();
    String infoFile =
        (target.directory().isEmpty() ? "" : target.directory().replace('/', '.') + "/")
            + target.name()
            + ".docker-info.json";
    Map<String, String> buildArgs = DockerImage.buildArgValues(image.buildArgs());
    List<String> baseImages =
        Dockerfile.parse(repository.resolve(image.dockerfile()), image.dockerfile())
            .froms(buildArgs)
            .stream()
            .map(Dockerfile.From::resolvedImage)
            .toList();
    return new ImagePackager.ImageRequest(
        target.address().toString(), infoFile, context, image.imageNames(), buildArgs, baseImages);
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

  private String failureMessage(DockerImage image, ImageBuilder.BuilderException e) {
    StringBuilder message = new StringBuilder(image.address() + ": the image build failed");
    try {
      Dockerfile dockerfile =
          Dockerfile.parse(repository.resolve(image.dockerfile()), image.dockerfile());
      FailedStep.locate(e.output(), dockerfile)
          .ifPresent(
              step ->
                  message
                      .append(" at ")
                      .append(image.dockerfile())
                      .append(':')
                      .append(step.line())
                      .append(": ")
                      .append(step.keyword())
                      .append(' ')
                      .append(step.arguments()));
    } catch (InvalidInputException unreadable) {
      // the message stays without the line
    }
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
