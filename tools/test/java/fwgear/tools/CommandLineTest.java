package fwgear.tools;

import static fwgear.tools.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The command line is the same for every command: specs, --root, exit codes, unknown commands. */
class CommandLineTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int gear(String... args) {
    CommandLine cli = GearCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** The commands that select targets, and the commands that need no repository. */
  private static final List<String> TAKE_SPECS =
      List.of("list", "peek", "validate", "package", "upload", "tailor");

  private static final List<String> NO_REPOSITORY = List.of("help", "emulator");

  @Test
  void theCommandsThatTakeTargetsTakeTheSameSpecsAndEveryOtherTakesRoot() {
    Map<String, CommandLine> commands = GearCli.commandLine().getSubcommands();
    for (var entry : commands.entrySet()) {
      var spec = entry.getValue().getCommandSpec();
      boolean specs =
          spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof TargetSpecs);
      assertThat(specs)
          .as(entry.getKey() + " takes the specs")
          .isEqualTo(TAKE_SPECS.contains(entry.getKey()));
      assertThat(spec.options().stream().map(OptionSpec::longestName).toList().contains("--root"))
          .as(entry.getKey() + " takes --root")
          .isEqualTo(!NO_REPOSITORY.contains(entry.getKey()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "peek"})
  void exclusionsLeaveTargetsOut(String command) {
    Path root = Fixtures.copy("java", dir);
    write(root, "hidden/BUILD", "file(name=\"h\", source=\"h.txt\")\n");
    write(root, "hidden/h.txt", "h\n");
    write(root, "vendor/BUILD", "file(name=\"v\", source=\"v.txt\")\n");
    write(root, "vendor/v.txt", "v\n");

    // -hidden:: and -vendor:: are exclusions, not -h (help) or -v followed by more options.
    assertThat(gear(command, "--root", root.toString(), "::", "-hidden::", "-vendor::"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("gears/project_management/src/docker:project-management")
        .doesNotContain("hidden")
        .doesNotContain("vendor");
  }

  @Test
  void validateAndPackageTakeExclusions() {
    Path root = Fixtures.copy("java", dir);

    assertThat(gear("validate", "--root", root.toString(), "::", "-gears/project_management::"))
        .isZero();
    assertThat(out.toString()).isEqualTo("validate: 0 errors, 0 warnings in 0 gears\n");
    assertThat(gear("package", "--root", root.toString(), "::", "-gears/project_management::"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("nothing to package");
  }

  @Test
  void tailorTakesFoldersAsSpecsWithExclusions() {
    Path root = Fixtures.copy("java", dir);
    write(root, "gears/project_management/src/java/extra/X.java", "package extra;\nclass X {}\n");
    String r = root.toString();

    assertThat(gear("tailor", "--root", r, "--check", "gears::")).isEqualTo(1);
    assertThat(out.toString())
        .contains("would create gears/project_management/src/java/extra/BUILD");
    assertThat(gear("tailor", "--root", r, "--check", "-gears/project_management/src/java/extra"))
        .as("only an exclusion: the default folder, gears, less it")
        .isZero();
    assertThat(gear("tailor", "--root", r, "--check", "gears", "-gears/project_management::"))
        .isZero();
    assertThat(gear("tailor", "--root", r, "gears/x:y")).isEqualTo(2);
    assertThat(err.toString()).contains("tailor works on folders: gears/x:y names a target");
  }

  @Test
  void aGearsFolderOrManifestNameSelectsTheGearInEveryCommand() {
    Path root = Fixtures.copy("java", dir);

    assertThat(gear("list", "--root", root.toString(), "project-management")).isZero();
    String byName = out.toString();
    out.getBuffer().setLength(0);
    assertThat(gear("list", "--root", root.toString(), "gears/project_management::")).isZero();
    assertThat(byName).isEqualTo(out.toString()).contains(":project-management");
    out.getBuffer().setLength(0);
    assertThat(gear("list", "--root", root.toString(), "::", "-project-management")).isZero();
    assertThat(out.toString()).doesNotContain("gears/project_management");
  }

  @Test
  void aSpecThatNamesNothingIsBadUsageAlsoAsAnExclusion() {
    Path root = Fixtures.copy("java", dir);

    assertThat(gear("list", "--root", root.toString(), "::", "-nowhere::")).isEqualTo(2);
    assertThat(err.toString()).startsWith("gear: no such folder: nowhere");
    assertThat(gear("validate", "--root", root.toString(), "nowhere")).isEqualTo(2);
  }

  @Test
  void aMistypedOptionOfASpecsCommandIsBadUsage() {
    Path root = Fixtures.copy("java", dir);

    assertThat(gear("list", "--root", root.toString(), "--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--bogus'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "peek", "validate", "package"})
  void aBrokenBuildFileIsBadInputForEveryCommand(String command) {
    Path root = Fixtures.copy("java", dir);
    write(root, "gears/project_management/src/docker/BUILD", "docker_image(name=\"x\"\n");

    assertThat(gear(command, "--root", root.toString())).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(out.toString() + err.toString())
        .contains("gears/project_management/src/docker/BUILD:");
  }

  @Test
  void anUnknownCommandNamesTheClosestWithOrWithoutHelp() {
    assertThat(gear("valdate")).isEqualTo(2);
    assertThat(gear("valdate", "--help")).isEqualTo(2);
    assertThat(gear("pakage", "::", "-gears/x::")).isEqualTo(2);
    assertThat(err.toString().lines())
        .hasSize(3)
        .allMatch(line -> line.startsWith("gear: unknown command '"))
        .anyMatch(line -> line.contains("(did you mean 'validate'?)"))
        .anyMatch(line -> line.contains("(did you mean 'package'?)"));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void theExitCodesAreZeroOneTwo() {
    assertThat(ExitCode.values()).extracting(ExitCode::code).containsExactly(0, 1, 2);
  }
}
