package fwgear.tools.pkg;

import fwgear.tools.settings.BuilderSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a gear inside its image as Flywheel does: the prepared run folder mounted at {@code
 * /flywheel/v0} (the working directory), no environment but the default PATH and the manifest's
 * {@code environment} (the image's {@code ENV} is dropped, as on Flywheel), and the manifest's
 * command run by bash.
 *
 * <pre>
 * ImageRunner runner = ImageRunner.detect(repositoryRoot);
 * int exit = runner.run(new ImageRunner.ImageRun(image, runFolder, manifest.environment(),
 *     manifest.command()), System.out::println);
 * </pre>
 *
 * With docker or podman this is {@code run --rm --network host -v folder:/flywheel/v0}; with
 * buildah, a working container ({@code buildah from}) run with {@code --isolation chroot --network
 * host} and removed afterwards. The host network lets the gear reach a local Flywheel server on
 * 127.0.0.1.
 */
public final class ImageRunner {
  /** Flywheel's PATH for a gear when the manifest sets none. */
  public static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** Where the run folder appears inside the container. */
  public static final String GEAR_FOLDER = "/flywheel/v0";

  /** The command Flywheel runs when the manifest has none. */
  public static final String DEFAULT_COMMAND = GEAR_FOLDER + "/run";

  /**
   * One run of a gear in an image.
   *
   * @param image the image name ({@code naccdata/project-management:0.0.1}) or id
   * @param runFolder the prepared folder (config.json, manifest.json, input/, output/, work/)
   * @param environment the manifest's {@code environment}
   * @param command the manifest's {@code command}; empty means {@code /flywheel/v0/run}
   */
  public record ImageRun(
      String image, Path runFolder, Map<String, String> environment, Optional<String> command) {
    public ImageRun {
      environment = Map.copyOf(environment);
    }

    public ImageRun(String image, Path runFolder, Map<String, String> environment, String command) {
      this(image, runFolder, environment, Optional.ofNullable(command).filter(c -> !c.isBlank()));
    }

    /** PATH (the manifest's, else Flywheel's default) and the manifest's variables. */
    public Map<String, String> containerEnvironment() {
      Map<String, String> variables = new LinkedHashMap<>();
      variables.put("PATH", DEFAULT_PATH);
      variables.putAll(environment);
      return variables;
    }

    /** What runs inside: {@code env -i VARS... bash -c COMMAND} (a clean environment). */
    public List<String> containerCommand() {
      List<String> command = new ArrayList<>(List.of("/usr/bin/env", "-i"));
      containerEnvironment().forEach((name, value) -> command.add(name + "=" + value));
      command.addAll(List.of("bash", "-c", this.command.orElse(DEFAULT_COMMAND)));
      return command;
    }
  }

  private final ImageBuilder builder;
  private final BuilderSettings settings;

  public ImageRunner(ImageBuilder builder, BuilderSettings settings) {
    this.builder = builder;
    this.settings = settings;
  }

  /** The runner of the builder that the settings name or that is installed. */
  public static ImageRunner detect(BuilderSettings settings) {
    return new ImageRunner(ImageBuilder.detect(settings), settings);
  }

  public ImageBuilder.Kind kind() {
    return builder.kind();
  }

  /** Runs the gear, passing each line it prints (stdout and stderr) to {@code output}. */
  public int run(ImageRun run, Consumer<String> output) throws IOException {
    return execute(run, Optional.of(output));
  }

  /** Runs the gear with this process's stdout and stderr. */
  public int run(ImageRun run) throws IOException {
    return execute(run, Optional.empty());
  }

  private int execute(ImageRun run, Optional<Consumer<String>> output) throws IOException {
    String mount = run.runFolder().toAbsolutePath().normalize() + ":" + GEAR_FOLDER;
    if (builder.kind() != ImageBuilder.Kind.BUILDAH) {
      List<String> command = new ArrayList<>(List.of(builder.kind().program(), "run", "--rm"));
      command.addAll(List.of("--network", "host", "-v", mount, "-w", GEAR_FOLDER));
      List<String> inside = run.containerCommand();
      command.addAll(List.of("--entrypoint", inside.get(0), run.image()));
      command.addAll(inside.subList(1, inside.size()));
      return launch(command, output);
    }
    List<String> from = builder.base();
    from.addAll(List.of("from", "--pull-never", "--quiet", run.image()));
    CommandRunner.Result created = CommandRunner.run(from, null);
    if (!created.ok() || created.output().isEmpty()) {
      throw new ImageBuilder.BuilderException(
          "cannot start a container of " + run.image() + ": " + created.tail(3), created.output());
    }
    String container = created.output().get(created.output().size() - 1).strip();
    try {
      List<String> command = builder.base();
      command.add("run");
      settings
          .isolation()
          .ifPresent(isolation -> command.addAll(List.of("--isolation", isolation)));
      command.addAll(
          List.of("--network", "host", "-v", mount, "--workingdir", GEAR_FOLDER, container, "--"));
      command.addAll(run.containerCommand());
      return launch(command, output);
    } finally {
      List<String> remove = builder.base();
      remove.addAll(List.of("rm", container));
      CommandRunner.run(remove, null);
    }
  }

  private static int launch(List<String> command, Optional<Consumer<String>> output)
      throws IOException {
    if (output.isPresent()) {
      return CommandRunner.run(command, null, output.get()).exitCode();
    }
    ProcessBuilder process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      return process.start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }
}
