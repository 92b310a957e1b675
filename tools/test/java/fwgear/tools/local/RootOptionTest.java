package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.GearCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** config, run and demo work on the --root repository from any working directory. */
class RootOptionTest {
  private static final ApiKeySource NO_KEY = new ApiKeySource(Map.of(), Optional::empty);

  @TempDir Path temp;
  private Path outside;
  private FixtureRepository repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws IOException {
    repo = FixtureRepository.copyTo(Files.createDirectories(temp.resolve("repo")));
    outside = Files.createDirectories(temp.resolve("elsewhere"));
  }

  /** ./gear run in {@code outside}, a folder of no repository. */
  private int gear(String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            if (type == ConfigCommand.class) {
              return type.cast(new ConfigCommand(outside, NO_KEY, DestinationLookup.NONE));
            }
            if (type == RunCommand.class) {
              return type.cast(new RunCommand(outside));
            }
            if (type == DemoCommand.class) {
              return type.cast(
                  new DemoCommand(outside, DemoService.Demo.TEMPLATES, LocalBinaries.packaging()));
            }
            return CommandLine.defaultFactory().create(type);
          }
        };
    CommandLine cli = GearCli.commandLine(factory);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void configWritesTheConfigOfTheRootsGear() {
    assertThat(gear("config", "--root", repo.root.toString(), "sample-gear", "--new"))
        .as(err.toString())
        .isZero();
    assertThat(repo.configFile()).exists();
  }

  @Test
  void runPreparesTheRootsGear() {
    var keys =
        new ApiKeySource(
            Map.of(ApiKeySource.ENV_VAR, "127.0.0.1:8123:s3cr3t-k3y-value"), Optional::empty);
    var configured = repo.configureSample(keys);
    assertThat(configured.exitCode()).as(configured.err()).isZero();
    assertThat(gear("run", "--root", repo.root.toString(), "gears/sample::", "--prepare-only"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("tmp/gear/sample-gear_1.2.3");
  }

  @Test
  void withoutRootTheyLookAboveTheWorkingDirectory() {
    assertThat(gear("config", "sample-gear", "--show")).isEqualTo(2);
    assertThat(gear("run", "sample-gear")).isEqualTo(2);
    assertThat(gear("demo")).isEqualTo(2);
    assertThat(err.toString().lines())
        .hasSize(3)
        .allMatch(line -> line.startsWith("gear: not inside a gear repository:"))
        .allMatch(line -> line.endsWith("(or give --root <dir>)"));
  }

  @Test
  void demoLooksForItsGearsInTheRoot() {
    // The fixture has no project_management: the demo says so about the --root repository.
    assertThat(gear("demo", "--root", repo.root.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("gear: no gear 'gears/project_management'; known gears:");
  }
}
