package fwgear.tools.validate;

import static fwgear.problem.Problem.error;
import static fwgear.problem.Problem.warning;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.problem.Problem;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Target;
import fwgear.tools.docker.Dockerfile;
import fwgear.tools.docker.Dockerfile.Copy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule group 3, the Dockerfile: it copies the manifest from its repository path into {@code
 * /flywheel/v0} and the binary from its output path; every COPY source is in the build context; the
 * manifest's {@code command} runs the file where the binary was put; ENTRYPOINT agrees with the
 * command; a base image given by a build arg has a default; and environment the program needs at
 * run time that {@code ENV} sets is in the manifest's {@code environment}, because Flywheel runs
 * the command with the default PATH and the manifest's environment only.
 */
public final class DockerfileRules implements Rule {
  public static final String MISSING = "dockerfile-missing";
  public static final String BASE_IMAGE = "dockerfile-base-image";
  public static final String COPY_SOURCE = fwgear.tools.docker.ImageContext.COPY_SOURCE;
  public static final String MANIFEST = "dockerfile-manifest";
  public static final String BINARY = "dockerfile-binary";
  public static final String COMMAND = "dockerfile-command";
  public static final String ENTRYPOINT = "dockerfile-entrypoint";
  public static final String ENVIRONMENT = "dockerfile-environment";
  public static final String TARGET_STAGE = "dockerfile-target-stage";

  public static final String GEAR_DIR = "/flywheel/v0";

  /** Variables a program reads at run time, whoever sets them. */
  static final Set<String> RUNTIME_VARIABLES =
      Set.of(
          "PATH",
          "JAVA_HOME",
          "JAVA_OPTS",
          "JAVA_TOOL_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "LD_LIBRARY_PATH",
          "LANG",
          "LC_ALL",
          "TZ",
          "HOME",
          "FLYWHEEL",
          "PYTHONPATH",
          "PYTHONHOME",
          "PYTHONUNBUFFERED",
          "VIRTUAL_ENV");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

  private final EnvironmentUse environmentUse;

  /**
   * @param environmentUse tells which environment variables a gear's code reads
   */
  public DockerfileRules(EnvironmentUse environmentUse) {
    this.environmentUse = environmentUse;
  }

  /** Which environment variables a gear's own code reads. */
  public interface EnvironmentUse {
    Set<String> variablesRead(Gear gear);
  }

  @Override
  public void check(Gear gear, List<Problem> problems) {
    if (gear.dockerfile().isEmpty()) {
      return;
    }
    Dockerfile dockerfile = gear.dockerfile().get();
    String file = gear.image().dockerfile();
    checkBaseImages(gear, dockerfile, file, problems);
    List<Copy> copies = dockerfile.copies(gear.image().buildArgValues());
    problems.addAll(gear.context().copySourceProblems(gear.repository()));
    checkManifestCopy(gear, copies, file, lastFromLine(dockerfile), problems);
    Optional<String> binaryPath =
        checkBinaryCopy(gear, copies, file, lastFromLine(dockerfile), problems);
    if (gear.manifestDocument().document().isPresent()) {
      checkCommand(gear, dockerfile, file, binaryPath, problems);
      checkEnvironment(gear, dockerfile, file, problems);
    }
  }

  private static int lastFromLine(Dockerfile dockerfile) {
    int line = 0;
    for (Dockerfile.Instruction instruction : dockerfile.instructions()) {
      if (instruction.keyword().equals("FROM")) {
        line = instruction.line();
      }
    }
    return line;
  }

  private static void checkBaseImages(
      Gear gear, Dockerfile dockerfile, String file, List<Problem> problems) {
    Map<String, Optional<String>> args = dockerfile.args();
    Set<String> stages = new LinkedHashSet<>();
    List<Dockerfile.From> froms = dockerfile.froms(gear.image().buildArgValues());
    if (froms.isEmpty()) {
      problems.add(error(file, 0, "", BASE_IMAGE, "the Dockerfile has no FROM"));
    }
    for (Dockerfile.From from : froms) {
      Matcher matcher = VARIABLE.matcher(from.image());
      while (matcher.find()) {
        String arg = matcher.group(1);
        boolean hasDefault =
            args.getOrDefault(arg, Optional.empty()).filter(v -> !v.isBlank()).isPresent();
        if (!hasDefault && !gear.image().buildArgValues().containsKey(arg)) {
          problems.add(
              error(
                  file,
                  from.line(),
                  "",
                  BASE_IMAGE,
                  "FROM "
                      + from.image()
                      + ": build arg "
                      + arg
                      + (args.containsKey(arg) ? " has no default" : " is not declared by an ARG")
                      + "; give it a public image as default (ARG "
                      + arg
                      + "=<image>)"));
        }
      }
      if (from.resolvedImage().isBlank() && !VARIABLE.matcher(from.image()).find()) {
        problems.add(error(file, from.line(), "", BASE_IMAGE, "FROM names no image"));
      }
      from.stage().ifPresent(stages::add);
    }
    gear.image()
        .target()
        .targetStage()
        .filter(stage -> !stages.contains(stage.value()))
        .ifPresent(
            stage ->
                problems.add(
                    error(
                        stage.file(),
                        stage.line(),
                        "target_stage",
                        TARGET_STAGE,
                        "target_stage '"
                            + stage.value()
                            + "' is not a stage of "
                            + file
                            + (stages.isEmpty()
                                ? " (it names none)"
                                : " (stages: " + String.join(", ", stages) + ")"))));
  }

  private static void checkManifestCopy(
      Gear gear, List<Copy> copies, String file, int fromLine, List<Problem> problems) {
    String manifest = gear.manifestPath();
    List<Copy> manifestCopies =
        copies.stream().filter(c -> c.from().isEmpty() && c.sources().contains(manifest)).toList();
    if (manifestCopies.isEmpty()) {
      problems.add(
          error(
              file,
              fromLine,
              "",
              MANIFEST,
              "the Dockerfile does not copy the manifest: add COPY " + manifest + " " + GEAR_DIR));
      return;
    }
    for (Copy copy : manifestCopies) {
      String destination = copy.destination();
      String target =
          destination.endsWith("/") || copy.sources().size() > 1 || destination.equals(GEAR_DIR)
              ? (destination.endsWith("/") ? destination : destination + "/") + "manifest.json"
              : destination;
      if (!target.equals(GEAR_DIR + "/manifest.json")) {
        problems.add(
            error(
                file,
                copy.line(),
                "",
                MANIFEST,
                "the manifest is copied to "
                    + target
                    + "; Flywheel reads it from "
                    + GEAR_DIR
                    + "/manifest.json"));
      }
    }
  }

  private static Optional<String> checkBinaryCopy(
      Gear gear, List<Copy> copies, String file, int fromLine, List<Problem> problems) {
    Optional<Target.BinaryTarget> binary = gear.binary();
    if (binary.isEmpty()) {
      return Optional.empty(); // the image rules report a missing binary
    }
    String output = binary.get().outputPath();
    for (Copy copy : copies) {
      if (copy.from().isEmpty() && copy.sources().contains(output)) {
        String destination = copy.destination();
        if (destination.endsWith("/") || copy.sources().size() > 1) {
          String base = destination.endsWith("/") ? destination : destination + "/";
          destination = base + output.substring(output.lastIndexOf('/') + 1);
        }
        return Optional.of(destination);
      }
    }
    problems.add(
        error(
            file,
            fromLine,
            "",
            BINARY,
            "the Dockerfile does not copy the binary of "
                + binary.get().address()
                + " from its output path: add COPY "
                + output
                + " /bin/run"));
    return Optional.empty();
  }

  private static void checkCommand(
      Gear gear,
      Dockerfile dockerfile,
      String file,
      Optional<String> binaryPath,
      List<Problem> problems) {
    String manifest = gear.manifestPath();
    JsonNode commandNode = gear.manifestAt("command");
    String command = commandNode.isTextual() ? commandNode.asText().strip() : "";
    List<String> words =
        command.isEmpty() ? List.of(GEAR_DIR + "/run") : List.of(command.split("\\s+"));
    List<String> absoluteWords = new ArrayList<>();
    for (String word : words) {
      absoluteWords.add(word.startsWith("./") ? GEAR_DIR + word.substring(1) : word);
    }
    String program = absoluteWords.get(0);
    int commandLine = gear.manifestLine("command");
    if (binaryPath.isPresent() && !absoluteWords.contains(binaryPath.get())) {
      problems.add(
          error(
              manifest,
              commandLine,
              "command",
              COMMAND,
              (command.isEmpty()
                      ? "without a command Flywheel runs " + program
                      : "the command '" + command + "' runs " + program)
                  + ", but the Dockerfile puts the binary at "
                  + binaryPath.get()
                  + " ("
                  + file
                  + "); set \"command\": \""
                  + binaryPath.get()
                  + "\""));
    }
    Optional<Dockerfile.Command> entrypoint = dockerfile.entrypoint();
    Optional<Dockerfile.Command> startup = entrypoint.isPresent() ? entrypoint : dockerfile.cmd();
    if (startup.isPresent() && !command.isEmpty()) {
      Dockerfile.Command run = startup.get();
      Optional<String> runs =
          run.program().map(p -> p.startsWith("./") ? GEAR_DIR + p.substring(1) : p);
      if (runs.isPresent() && !runs.get().equals(program)) {
        problems.add(
            error(
                file,
                run.line(),
                "",
                ENTRYPOINT,
                (entrypoint.isPresent() ? "ENTRYPOINT" : "CMD")
                    + " runs "
                    + runs.get()
                    + " but the manifest's command runs "
                    + program
                    + " ("
                    + manifest
                    + ":"
                    + commandLine
                    + "); a local docker run and Flywheel would run different programs"));
      }
    }
  }

  private void checkEnvironment(
      Gear gear, Dockerfile dockerfile, String file, List<Problem> problems) {
    String manifest = gear.manifestPath();
    JsonNode environment = gear.manifestAt("environment");
    Set<String> readByCode = environmentUse.variablesRead(gear);
    for (Dockerfile.Env env : dockerfile.env(gear.image().buildArgValues()).values()) {
      String name = env.name();
      JsonNode declared = environment.path(name);
      boolean needed =
          RUNTIME_VARIABLES.contains(name)
              || readByCode.contains(name)
              || !declared.isMissingNode();
      if (!needed) {
        continue;
      }
      if (declared.isMissingNode()) {
        problems.add(
            error(
                manifest,
                gear.manifestLine(environment.isMissingNode() ? "" : "environment"),
                "environment." + name,
                ENVIRONMENT,
                "ENV "
                    + name
                    + " ("
                    + file
                    + ":"
                    + env.line()
                    + ") is "
                    + (readByCode.contains(name) ? "read by the gear's code" : "needed at run time")
                    + " but not in the manifest's environment; Flywheel runs the command with the"
                    + " default PATH and the manifest's environment only: add \""
                    + name
                    + "\": "
                    + (env.isKnown()
                        ? "\"" + env.value() + "\""
                        : "its value in the built image (it uses the base image's "
                            + String.join(", ", env.inherited())
                            + ")")));
      } else if (env.isKnown() && !declared.asText().equals(env.value())) {
        problems.add(
            warning(
                manifest,
                gear.manifestLine("environment." + name),
                "environment." + name,
                ENVIRONMENT,
                "environment "
                    + name
                    + " is '"
                    + declared.asText()
                    + "' but the Dockerfile sets '"
                    + env.value()
                    + "' ("
                    + file
                    + ":"
                    + env.line()
                    + ")"));
      }
    }
  }
}
