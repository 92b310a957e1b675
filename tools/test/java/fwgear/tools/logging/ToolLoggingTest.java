package fwgear.tools.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ToolLoggingTest {
  @Test
  void warningsGoToStandardErrorInTheCommandsFormatAndInfoIsQuiet() {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as SLF4J binds it
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      ToolLogging.setUp(context);
      context.getLogger("org.eclipse.jetty.server.Server").warn("port {} is taken", 8080);
      context.getLogger("fwgear.tools.Any").info("not shown");
    } finally {
      context.stop();
      System.setErr(original);
    }
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("gear: WARN  Server - port 8080 is taken" + System.lineSeparator());
  }

  @Test
  void logbackFindsItAsAServiceAndTheTestsLogbackFileWins() {
    assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream())
        .anyMatch(provider -> provider.type() == ToolLogging.class);
    // logback-test.xml is on the tests' class path: the configurator leaves it to logback.
    assertThat(new ToolLogging().configure(new LoggerContext()))
        .isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
  }
}
