package fwgear.tools.changes;

import fwgear.tools.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Runs git in a repository and returns its output; a failing git is a usage error. */
public final class Git {
  private final Path root;

  public Git(Path root) {
    this.root = root;
  }

  /** The lines git prints; fails with git's own message when git exits non-zero. */
  public List<String> lines(String... arguments) {
    Result result = run(arguments);
    if (result.exitCode() != 0) {
      throw new UsageException(
          "git " + String.join(" ", arguments) + " failed: " + result.error().strip());
    }
    List<String> lines = new ArrayList<>();
    for (String line : result.output().split("\n")) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Whether a ref names a commit. */
  public boolean isCommit(String ref) {
    return run("rev-parse", "--verify", "--quiet", ref + "^{commit}").exitCode() == 0;
  }

  /** A file's text at a commit, or empty when it did not exist there. */
  public Optional<String> show(String ref, String path) {
    Result result = run("show", ref + ":" + path);
    return result.exitCode() == 0 ? Optional.of(result.output()) : Optional.empty();
  }

  private record Result(int exitCode, String output, String error) {}

  private Result run(String... arguments) {
    List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false"));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).directory(root.toFile()).start();
      process.getOutputStream().close();
      CompletableFuture<String> error =
          CompletableFuture.supplyAsync(() -> slurp(process.getErrorStream()));
      String output = slurp(process.getInputStream());
      return new Result(process.waitFor(), output, error.join());
    } catch (IOException e) {
      throw new UsageException("cannot run git (is it installed?): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running git", e);
    }
  }

  private static String slurp(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
