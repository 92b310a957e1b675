package fwgear.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GearCliTest {

  @Test
  void helpListsTheCommandsAndExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine cli = GearCli.commandLine();
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("Usage: gear").contains("Exit codes");
  }

  @Test
  void anUnknownCommandIsBadUsage() {
    CommandLine cli = GearCli.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));

    assertThat(cli.execute("no-such-command")).isEqualTo(2);
  }

  @Test
  void anUnknownCommandWithHelpIsBadUsageNamingTheClosestCommand() {
    StringWriter err = new StringWriter();
    CommandLine cli = GearCli.commandLine();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));

    assertThat(cli.execute("validat", "--help")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("gear: unknown command 'validat' (did you mean 'validate'?); commands: help,");
    assertThat(cli.execute("nonexist", "--help")).isEqualTo(2);
    assertThat(cli.execute("validate", "--help")).isZero();
  }

  @Test
  void onlyTheNamedCommandIsBuiltAndEveryCommandWhenNoneIsNamed() {
    CommandLine.IFactory factory = CommandLine.defaultFactory();

    assertThat(GearCli.commandLine(factory, "--debug", "validate", "::").getSubcommands())
        .containsOnlyKeys("validate");
    assertThat(GearCli.commandLine(factory, "--help").getSubcommands())
        .hasSize(GearCli.COMMANDS.size())
        .containsKeys("help", "validate", "emulator");
    assertThat(GearCli.commandLine(factory, "help", "validate").getSubcommands())
        .hasSize(GearCli.COMMANDS.size());
    assertThat(GearCli.commandLine(factory, "validat").getSubcommands())
        .hasSize(GearCli.COMMANDS.size());
  }

  @Test
  void aCommandBuiltAloneStillTakesTheInheritedDebugOption() {
    StringWriter err = new StringWriter();
    CommandLine cli = GearCli.commandLine(CommandLine.defaultFactory(), "list", "--debug");
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));

    // --root names no repository: the usual bad-input error, not an unknown option
    assertThat(cli.execute("list", "--debug", "--root", "/nonexistent/x", "::")).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("Unknown option");
  }
}
