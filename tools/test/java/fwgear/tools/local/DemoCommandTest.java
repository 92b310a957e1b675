package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.GearCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo's machinery with the sample gear, which creates one group on the server it is given. */
class DemoCommandTest {
  private static final DemoService.Demo SAMPLE =
      new DemoService.Demo("gears/sample", "data_file", "gears/sample/data/input.yaml");

  @TempDir Path temp;
  FixtureRepository repo;

  @BeforeEach
  void copyFixture() throws IOException {
    repo = FixtureRepository.copyTo(temp);
  }

  private FixtureRepository.Result demo(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        GearCli.commandLine(
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                if (type == DemoCommand.class) {
                  return type.cast(new DemoCommand(repo.root, SAMPLE, LocalBinaries.packaging()));
                }
                return CommandLine.defaultFactory().create(type);
              }
            });
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] full = new String[args.length + 1];
    full[0] = "demo";
    System.arraycopy(args, 0, full, 1, args.length);
    int exitCode = cli.execute(full);
    return new FixtureRepository.Result(exitCode, out.toString(), err.toString());
  }

  @Test
  void theGearRunsAgainstALocalServerAndTheTreeShowsWhatItMade() {
    var result = demo();

    assertThat(result.exitCode()).as(result.err()).isZero();
    Matcher server =
        Pattern.compile("Flywheel at http://127.0.0.1:(\\d+)/api").matcher(result.out());
    assertThat(server.find()).as(result.out()).isTrue();
    assertThat(result.out())
        .contains("key host=127.0.0.1:" + server.group(1))
        .contains("created group: HTTP/1.1 200")
        .containsPattern("── sample-made \"Made by the sample gear\"")
        // The built-in seed's admin group is there too.
        .containsPattern("── nacc ");
    assertThat(result.err())
        .contains("local Flywheel server at http://127.0.0.1:" + server.group(1));
  }

  @Test
  void theServersKeyIsNeverPrinted() {
    var result = demo();

    assertThat(result.out() + result.err()).doesNotContainPattern("127\\.0\\.0\\.1:\\d+:[^*\\s\"]");
  }

  @Test
  void theExitCodeIsTheGearsAndConfigValuesArePassedOn() {
    var result = demo("-c", "exit_code=4");

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.out()).contains("Flywheel at http://127.0.0.1:");
  }

  @Test
  void aRefusedConfigValueStopsTheDemoBeforeItRuns() {
    var result = demo("-c", "exit_code=999");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("exit_code");
    assertThat(result.out()).doesNotContain("cwd=");
  }
}
