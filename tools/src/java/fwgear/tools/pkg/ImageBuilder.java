package fwgear.tools.pkg;

import fwgear.tools.settings.BuilderSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An image builder on this machine: {@code docker} (with a running daemon), {@code podman} or
 * {@code buildah}. All three take the same Dockerfile; this class knows the command lines that
 * differ: building, listing the local store, saving an archive and running a container.
 */
public final class ImageBuilder {
  /** The builders, in the order they are tried when the settings name none. */
  public enum Kind {
    DOCKER,
    PODMAN,
    BUILDAH;

    public String program() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Kind> named(String name) {
      for (Kind kind : values()) {
        if (kind.program().equalsIgnoreCase(name.strip())) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** The archive formats of {@code --output}. */
  public enum ArchiveFormat {
    OCI_ARCHIVE("oci-archive"),
    DOCKER_ARCHIVE("docker-archive");

    private final String transport;

    ArchiveFormat(String transport) {
      this.transport = transport;
    }

    public String transport() {
      return transport;
    }

    public static Optional<ArchiveFormat> named(String name) {
      for (ArchiveFormat format : values()) {
        if (format.transport.equalsIgnoreCase(name)) {
          return Optional.of(format);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One image build: the staged context folder, the Dockerfile inside it, every full image name
   * ({@code repository:tag}), the build args ({@code NAME=value}), the docker_image's {@code
   * target_stage} and {@code build_platform}.
   */
  public record BuildRequest(
      Path context,
      Path dockerfile,
      List<String> imageNames,
      Map<String, String> buildArgs,
      Optional<String> targetStage,
      List<String> platforms) {
    public BuildRequest {
      imageNames = List.copyOf(imageNames);
      buildArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(buildArgs));
      platforms = List.copyOf(platforms);
    }

    public BuildRequest(
        Path context, Path dockerfile, List<String> imageNames, Map<String, String> buildArgs) {
      this(context, dockerfile, imageNames, buildArgs, Optional.empty(), List.of());
    }
  }

  /**
   * The builder's command line for a build, as a value (a pure function of the builder, its
   * settings and the request): {@code docker build}, {@code podman build} and {@code buildah build}
   * take the same options ({@code -f}, {@code -t} per name, {@code --build-arg}, {@code --target},
   * {@code --platform}, {@code --iidfile}); buildah adds its storage driver and isolation, podman
   * and buildah {@code --layers} (but not on vfs, where every layer is a full copy).
   */
  public static List<String> buildCommand(
      Kind kind, BuilderSettings settings, BuildRequest request, Path idFile) {
    List<String> command = base(kind, settings);
    command.add("build");
    if (kind == Kind.BUILDAH) {
      settings
          .isolation()
          .ifPresent(isolation -> command.addAll(List.of("--isolation", isolation)));
    }
    if (kind != Kind.DOCKER && !settings.storageDriver().orElse("").equals("vfs")) {
      command.add("--layers");
    }
    command.addAll(List.of("-f", request.dockerfile().toString()));
    for (String name : request.imageNames()) {
      command.addAll(List.of("-t", name));
    }
    request
        .buildArgs()
        .forEach((name, value) -> command.addAll(List.of("--build-arg", name + "=" + value)));
    request.targetStage().ifPresent(stage -> command.addAll(List.of("--target", stage)));
    if (!request.platforms().isEmpty()) {
      command.addAll(List.of("--platform", String.join(",", request.platforms())));
    }
    command.addAll(List.of("--iidfile", idFile.toString(), request.context().toString()));
    return command;
  }

  /**
   * The command that writes an image as a tar archive, as a value: {@code buildah push <image>
   * <format>:<archive>:<image>}, {@code podman save --format <format> -o <archive> <image>}, {@code
   * docker save -o <archive> <image>} (docker writes docker-archive only).
   */
  public static List<String> saveCommand(
      Kind kind, BuilderSettings settings, String imageName, ArchiveFormat format, Path archive) {
    List<String> command = base(kind, settings);
    switch (kind) {
      case BUILDAH ->
          command.addAll(
              List.of(
                  "push",
                  "--quiet",
                  imageName,
                  format.transport() + ":" + archive + ":" + imageName));
      case PODMAN ->
          command.addAll(
              List.of("save", "--format", format.transport(), "-o", archive.toString(), imageName));
      case DOCKER -> command.addAll(List.of("save", "-o", archive.toString(), imageName));
    }
    return command;
  }

  private static List<String> base(Kind kind, BuilderSettings settings) {
    List<String> command = new ArrayList<>(List.of(kind.program()));
    if (kind == Kind.BUILDAH) {
      settings
          .storageDriver()
          .ifPresent(driver -> command.addAll(List.of("--storage-driver", driver)));
    }
    return command;
  }

  /** A failed command of the builder, with its output. */
  public static final class BuilderException extends IOException {
    private final List<String> output;

    public BuilderException(String message, List<String> output) {
      super(message);
      this.output = List.copyOf(output);
    }

    public List<String> output() {
      return output;
    }
  }

  private final Kind kind;
  private final BuilderSettings settings;

  public ImageBuilder(Kind kind, BuilderSettings settings) {
    this.kind = kind;
    this.settings = settings;
  }

  /**
   * The builder the settings name, or the first usable one: docker when its daemon answers, then
   * podman, then buildah.
   */
  public static ImageBuilder detect(BuilderSettings settings) {
    if (settings.builder().isPresent()) {
      String name = settings.builder().get();
      Kind kind =
          Kind.named(name)
              .orElseThrow(
                  () ->
                      new fwgear.tools.UsageException(
                          "gear.toml: [docker] builder = \""
                              + name
                              + "\" is not one of docker, podman, buildah"));
      if (!CommandRunner.onPath(kind.program())) {
        throw new IllegalStateException(
            "gear.toml names the image builder " + kind.program() + ", which is not installed");
      }
      return new ImageBuilder(kind, settings);
    }
    if (CommandRunner.onPath("docker")
        && CommandRunner.run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), null)
            .ok()) {
      return new ImageBuilder(Kind.DOCKER, settings);
    }
    for (Kind kind : List.of(Kind.PODMAN, Kind.BUILDAH)) {
      if (CommandRunner.onPath(kind.program())) {
        return new ImageBuilder(kind, settings);
      }
    }
    throw new IllegalStateException(
        "no image builder found: install buildah, podman or docker (with its daemon running),"
            + " or set [docker] builder in gear.toml");
  }

  public Kind kind() {
    return kind;
  }

  /** The program and its global options ({@code buildah --storage-driver vfs}). */
  List<String> base() {
    return base(kind, settings);
  }

  /** Builds the image and returns its id; streams the builder's output to {@code onLine}. */
  public String build(BuildRequest request, Consumer<String> onLine) throws IOException {
    Path idFile = Files.createTempFile("gear-image", ".id");
    try {
      List<String> command = buildCommand(kind, settings, request, idFile);
      CommandRunner.Result result = CommandRunner.run(command, request.context(), onLine);
      if (!result.ok()) {
        throw new BuilderException(kind.program() + " build failed", result.output());
      }
      return normalizeId(Files.readString(idFile).strip());
    } finally {
      Files.deleteIfExists(idFile);
    }
  }

  /** The images of the local store: full name ({@code repository:tag}) to image id. */
  public Map<String, String> localImages() throws IOException {
    List<String> command = base();
    String format =
        kind == Kind.BUILDAH ? "{{.ID}} {{.Name}}:{{.Tag}}" : "{{.ID}} {{.Repository}}:{{.Tag}}";
    command.addAll(List.of("images", "--no-trunc", "--format", format));
    CommandRunner.Result result = CommandRunner.run(command, null);
    if (!result.ok()) {
      throw new BuilderException(kind.program() + " images failed", result.output());
    }
    return parseImages(result.output());
  }

  /** Parses {@code images} lines of {@code ID NAME:TAG} (columns may be padded). */
  static Map<String, String> parseImages(List<String> lines) {
    Map<String, String> images = new LinkedHashMap<>();
    for (String line : lines) {
      String[] parts = line.strip().split("\\s+", 2);
      if (parts.length == 2 && !parts[1].contains("<none>")) {
        images.put(shortName(parts[1]), normalizeId(parts[0]));
      }
    }
    return images;
  }

  /** Writes the image as a tar archive ({@code --output}). */
  public void save(String imageName, ArchiveFormat format, Path archive) throws IOException {
    Files.deleteIfExists(archive);
    Path parent = archive.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    List<String> command = saveCommand(kind, settings, imageName, format, archive);
    CommandRunner.Result result = CommandRunner.run(command, null);
    if (!result.ok()) {
      throw new BuilderException(
          "cannot write " + archive + ": " + result.tail(5), result.output());
    }
  }

  /** Gives an image in the local store another name. */
  public void tag(String image, String name) throws IOException {
    List<String> command = base();
    command.addAll(List.of("tag", image, name));
    CommandRunner.Result result = CommandRunner.run(command, null);
    if (!result.ok()) {
      throw new BuilderException("cannot tag " + image + ": " + result.tail(3), result.output());
    }
  }

  /** Removes an image (by name or id) from the local store. */
  public void remove(String image) throws IOException {
    List<String> command = base();
    command.addAll(List.of("rmi", image));
    CommandRunner.Result result = CommandRunner.run(command, null);
    if (!result.ok()) {
      throw new BuilderException("cannot remove " + image + ": " + result.tail(3), result.output());
    }
  }

  /** The size of an image in bytes, as the builder reports it. */
  public long size(String image) throws IOException {
    List<String> command = base();
    command.addAll(List.of("image", "inspect", "--format", "{{.Size}}", image));
    if (kind == Kind.BUILDAH) {
      command = base();
      command.addAll(List.of("images", "--format", "{{.Size}}", image));
    }
    CommandRunner.Result result = CommandRunner.run(command, null);
    if (!result.ok() || result.output().isEmpty()) {
      throw new BuilderException("cannot inspect " + image, result.output());
    }
    return parseSize(result.output().get(0).strip());
  }

  static long parseSize(String text) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("([0-9.]+)\\s*([kKMGT]?B)?").matcher(text);
    if (!matcher.lookingAt()) {
      return -1;
    }
    double value = Double.parseDouble(matcher.group(1));
    String unit =
        matcher.group(2) == null ? "B" : matcher.group(2).toUpperCase(java.util.Locale.ROOT);
    long factor =
        switch (unit) {
          case "KB" -> 1000L;
          case "MB" -> 1000L * 1000;
          case "GB" -> 1000L * 1000 * 1000;
          case "TB" -> 1000L * 1000 * 1000 * 1000;
          default -> 1L;
        };
    return Math.round(value * factor);
  }

  /** Image names as the Dockerfile and BUILD files write them: no implied registry prefix. */
  static String shortName(String name) {
    for (String prefix : List.of("localhost/", "docker.io/library/", "docker.io/")) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  private static String normalizeId(String id) {
    return id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
  }
}
