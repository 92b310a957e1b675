package fwgear.tools.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs a gear's process, streams its log line by line, and returns its exit code. */
public final class GearProcess {
  private GearProcess() {}

  public static int run(GearLaunch launch, PrintWriter out, PrintWriter err) {
    ProcessBuilder builder = new ProcessBuilder(launch.command());
    builder.directory(launch.workingDir().toFile());
    builder.environment().clear();
    builder.environment().putAll(launch.environment());
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the gear: " + e.getMessage(), e);
    }
    // A gear reads no standard input in Flywheel.
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // nothing to close
    }
    Thread stopper = new Thread(process::destroy, "stop-gear");
    Runtime.getRuntime().addShutdownHook(stopper);
    Thread stdout = pump(process.getInputStream(), out, "gear-stdout");
    Thread stderr = pump(process.getErrorStream(), err, "gear-stderr");
    try {
      int exitCode = process.waitFor();
      stdout.join();
      stderr.join();
      return exitCode;
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }

  private static Thread pump(InputStream from, PrintWriter to, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  synchronized (to) {
                    to.println(line);
                    to.flush();
                  }
                }
              } catch (IOException e) {
                // the process went away; its exit code tells what happened
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
