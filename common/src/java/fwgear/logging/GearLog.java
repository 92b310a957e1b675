package fwgear.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The loggers of {@link GearLogProvider}: one line per event, {@code [2026-11-27 01:02:03,456 -
 * INFO - project_app.Run] message} (at DEBUG with the caller's line, {@code project_app.Run:42}),
 * then the stack trace of a throwable given with it; messages and stack traces pass through {@link
 * Secrets}. The level is INFO, or DEBUG after {@code configure(true)}; libraries that are chatty at
 * DEBUG (the AWS SDK, Apache HTTP, Netty) stay at INFO.
 */
final class GearLog {
  static final ILoggerFactory FACTORY = new Factory();

  private static final String[] CHATTY = {"software.amazon", "org.apache", "io.netty"};
  private static volatile boolean debug;
  private static volatile OutputStream out = System.out;

  private GearLog() {}

  static void configure(boolean debugLevel, OutputStream target) {
    debug = debugLevel;
    out = target;
  }

  private static final class Factory implements ILoggerFactory {
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
      return loggers.computeIfAbsent(name, GearLogger::new);
    }
  }

  static boolean enabled(String logger, Level level) {
    if (level == Level.TRACE) {
      return false;
    }
    if (level != Level.DEBUG) {
      return true;
    }
    if (!debug) {
      return false;
    }
    for (String chatty : CHATTY) {
      if (logger.startsWith(chatty)) {
        return false;
      }
    }
    return true;
  }

  /** One event as its line(s), without the line end of the last. */
  static String format(
      LocalDateTime time, Level level, String logger, int callerLine, String message, Throwable t) {
    StringBuilder line = new StringBuilder(64 + message.length());
    line.append('[');
    pad(line, time.getYear(), 4).append('-');
    pad(line, time.getMonthValue(), 2).append('-');
    pad(line, time.getDayOfMonth(), 2).append(' ');
    pad(line, time.getHour(), 2).append(':');
    pad(line, time.getMinute(), 2).append(':');
    pad(line, time.getSecond(), 2).append(',');
    pad(line, time.getNano() / 1_000_000, 3);
    line.append(" - ").append(level.name()).append(" - ").append(logger);
    if (callerLine > 0) {
      line.append(':').append(callerLine);
    }
    line.append("] ").append(Secrets.redact(message));
    if (t != null) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      line.append(System.lineSeparator()).append(Secrets.redact(trace.toString().stripTrailing()));
    }
    return line.toString();
  }

  private static StringBuilder pad(StringBuilder line, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      line.append('0');
    }
    return line.append(digits);
  }

  static void write(Level level, String logger, String message, Throwable t) {
    int callerLine = debug ? callerLine() : 0;
    String text = format(now(), level, logger, callerLine, message, t) + System.lineSeparator();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    synchronized (GearLog.class) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        // Logging must not fail the gear; the line is lost.
      }
    }
  }

  /**
   * The local time, from {@link TimeZone}'s offset: {@code ZoneId.systemDefault()} would load the
   * time-zone rules a second time, through a service lookup, a good part of a gear's first log
   * line.
   */
  static LocalDateTime now() {
    long millis = System.currentTimeMillis();
    int offset = SYSTEM_ZONE_IS_UTC ? 0 : TimeZone.getDefault().getOffset(millis) / 1000;
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(millis, 1000),
        (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.ofTotalSeconds(offset));
  }

  /**
   * Whether the JVM's default zone is UTC, found as the JVM finds the zone on Linux (the {@code
   * user.timezone} property, {@code TZ}, {@code /etc/timezone}, {@code /etc/localtime}; GMT when
   * none is set) but without loading the time-zone database, which {@code TimeZone.getDefault()}
   * reads whole: several milliseconds of a gear's start, in a container that is nearly always on
   * UTC. Anything unclear is "no", and the time then comes from {@code TimeZone}.
   */
  static final boolean SYSTEM_ZONE_IS_UTC = systemZoneIsUtc();

  private static boolean systemZoneIsUtc() {
    try {
      String property = System.getProperty("user.timezone");
      if (property != null && !property.isEmpty()) {
        return isUtc(property);
      }
      String tz = System.getenv("TZ");
      if (tz != null) {
        return isUtc(tz.startsWith(":") ? tz.substring(1) : tz);
      }
      Path timezone = Path.of("/etc/timezone");
      if (Files.isRegularFile(timezone)) {
        return isUtc(Files.readString(timezone).strip());
      }
      Path localtime = Path.of("/etc/localtime");
      if (!Files.exists(localtime, LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
      if (Files.isSymbolicLink(localtime)) {
        String target = Files.readSymbolicLink(localtime).toString();
        int zoneinfo = target.indexOf("zoneinfo/");
        return zoneinfo >= 0 && isUtc(target.substring(zoneinfo + "zoneinfo/".length()));
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static boolean isUtc(String zone) {
    String name = zone.startsWith("Etc/") ? zone.substring(4) : zone;
    return switch (name) {
      case "UTC", "UCT", "GMT", "GMT0", "Zulu", "Universal", "Greenwich" -> true;
      default -> false;
    };
  }

  /** The line of the first frame outside logging, as logback's {@code %line}. */
  private static int callerLine() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(
                        f ->
                            !f.getClassName().startsWith("fwgear.logging.GearLog")
                                && !f.getClassName().startsWith("org.slf4j."))
                    .findFirst()
                    .map(StackWalker.StackFrame::getLineNumber)
                    .orElse(0));
  }

  private static final class GearLogger extends LegacyAbstractLogger {
    GearLogger(String name) {
      this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled(name, Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      String message =
          arguments == null || arguments.length == 0
              ? String.valueOf(pattern)
              : MessageFormatter.basicArrayFormat(pattern, arguments);
      write(level, name, message, throwable);
    }
  }
}
