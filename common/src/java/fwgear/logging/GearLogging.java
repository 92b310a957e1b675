package fwgear.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Logging for a gear, configured in code (a gear jar carries no logback.xml to get wrong), in the
 * Flywheel toolkit's format, on the gear runtime's own SLF4J provider ({@link GearLogProvider}, the
 * one a gear started by {@link fwgear.engine.GearEngine} gets) or on logback (where logback was
 * bound first: the tools, tests): {@code [2026-11-27 01:02:03,456 - INFO - project_app.Run]
 * message} at INFO, and with the source line ({@code project_app.Run:42}) at DEBUG, on standard
 * output. Messages and stack traces pass through {@link Secrets}.
 */
public final class GearLogging {
  static final String INFO_PATTERN =
      "[%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} - %level - %logger] %msg%n%ex";
  static final String DEBUG_PATTERN =
      "[%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} - %level - %logger:%line] %msg%n%ex";

  private static volatile Supplier<OutputStream> target = () -> System.out;

  private GearLogging() {}

  /**
   * (Re)configures the root logger at DEBUG or INFO with one appender. Libraries that are chatty at
   * DEBUG (the AWS SDK, Apache HTTP) stay at INFO even in debug mode.
   */
  public static void configure(boolean debug) {
    if (LoggerFactory.getILoggerFactory() == GearLog.FACTORY) {
      GearLog.configure(debug, new Unclosable(target.get()));
      return;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();

    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.getInstanceConverterMap().put("msg", RedactingMessageConverter::new);
    layout.getInstanceConverterMap().put("ex", RedactingThrowableConverter::new);
    layout.setPattern(debug ? DEBUG_PATTERN : INFO_PATTERN);
    layout.start();

    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();

    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("gear");
    appender.setEncoder(encoder);
    appender.setImmediateFlush(true);
    appender.setOutputStream(new Unclosable(target.get()));
    appender.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(debug ? Level.DEBUG : Level.INFO);
    root.addAppender(appender);
    for (String chatty : new String[] {"software.amazon", "org.apache", "io.netty"}) {
      context.getLogger(chatty).setLevel(Level.INFO);
    }
  }

  /**
   * Makes the gear runtime's own SLF4J provider ({@link GearLogProvider}) the one SLF4J binds,
   * unless a provider was chosen ({@code -Dslf4j.provider}); called before the first logger is
   * made. It only counts when SLF4J is not bound yet: where something logged before (the tools, a
   * test run), logback stays, and {@link #configure} sets that up in the same format.
   */
  public static void preferGearProvider() {
    if (System.getProperty(PROVIDER) == null) {
      System.setProperty(PROVIDER, GearLogProvider.class.getName());
      // SLF4J would otherwise say on standard error which provider it loads, at every start.
      if (System.getProperty(VERBOSITY) == null) {
        System.setProperty(VERBOSITY, "WARN");
      }
    }
  }

  private static final String PROVIDER = "slf4j.provider";
  private static final String VERBOSITY = "slf4j.internal.verbosity";

  /** Sends the log to another stream from the next {@link #configure} on (tests). */
  public static void redirect(Supplier<OutputStream> stream) {
    target = stream;
  }

  /** A reconfiguration stops the old appender, which must not close standard output. */
  private static final class Unclosable extends FilterOutputStream {
    Unclosable(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
