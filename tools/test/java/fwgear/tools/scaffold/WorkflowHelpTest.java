package fwgear.tools.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.GearCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class WorkflowHelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"new", "bump", "changed", "tailor"})
  void helpDescribesTheCommandAndExitsZero(String command) {
    StringWriter out = new StringWriter();
    CommandLine cli = GearCli.commandLine();
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute(command, "--help")).isZero();
    assertThat(out.toString()).contains("Usage: gear " + command).contains("--root");
  }
}
