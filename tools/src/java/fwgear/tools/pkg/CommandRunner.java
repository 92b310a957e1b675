package fwgear.tools.pkg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs an external command, collecting its merged output and optionally streaming each line. */
public final class CommandRunner {
  /** What a command did: its exit code and its output lines (stdout and stderr merged). */
  public record Result(int exitCode, List<String> output) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** The last {@code count} lines, for an error message. */
    public String tail(int count) {
      return String.join("\n", output.subList(Math.max(0, output.size() - count), output.size()));
    }
  }

  private CommandRunner() {}

  public static Result run(List<String> command, Path workingDirectory, Consumer<String> onLine) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process process = builder.start();
      List<String> lines = new ArrayList<>();
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.add(line);
          onLine.accept(line);
        }
      }
      return new Result(process.waitFor(), lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  public static Result run(List<String> command, Path workingDirectory) {
    return run(command, workingDirectory, line -> {});
  }

  /** Whether {@code program} is an executable on the PATH. */
  public static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
