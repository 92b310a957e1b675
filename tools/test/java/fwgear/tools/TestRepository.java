package fwgear.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A temporary copy of this repository's skeleton (root and module poms, gear.toml, templates/) to
 * run commands on, optionally under git; and a way to run {@code ./gear} on it in a separate JVM,
 * as a user would, with the tool's class path.
 */
public final class TestRepository {
  private final Path root;

  private TestRepository(Path root) {
    this.root = root;
  }

  /** The repository this test runs in (the folder above tools/). */
  public static Path source() {
    return RepositoryRoot.find(Path.of(""))
        .orElseThrow(() -> new IllegalStateException("tests run inside the repository"));
  }

  /** Copies the skeleton of this repository into {@code dir}. */
  public static TestRepository copyOf(Path dir) {
    Path source = source();
    try {
      for (String file :
          List.of("pom.xml", "gear.toml", "common/pom.xml", "emulator/pom.xml", "tools/pom.xml")) {
        Path from = source.resolve(file);
        if (Files.exists(from)) {
          Files.createDirectories(dir.resolve(file).getParent());
          Files.copy(from, dir.resolve(file));
        }
      }
      copyTree(source.resolve("templates"), dir.resolve("templates"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestRepository(dir);
  }

  public Path root() {
    return root;
  }

  public Path path(String relative) {
    return root.resolve(relative);
  }

  public String read(String relative) {
    try {
      return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TestRepository write(String relative, String text) {
    try {
      Files.createDirectories(root.resolve(relative).getParent());
      Files.writeString(root.resolve(relative), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Every file below the root (git's own files aside) with its text: to compare before/after. */
  public Map<String, String> snapshot() {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(file).toString();
        if (!relative.startsWith(".git/")) {
          files.put(relative, Files.readString(file, StandardCharsets.ISO_8859_1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Runs git in the repository; fails the test when git fails. */
  public String git(String... arguments) {
    List<String> command =
        new ArrayList<>(
            List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org"));
    command.addAll(List.of(arguments));
    Result result = exec(command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("git " + String.join(" ", arguments) + ": " + result.err());
    }
    return result.out();
  }

  public TestRepository commitAll(String message) {
    git("add", "-A");
    git("commit", "-q", "-m", message);
    return this;
  }

  public TestRepository initGit() {
    git("init", "-q", "-b", "main");
    return commitAll("initial");
  }

  /** What a process printed and how it ended. */
  public record Result(int exitCode, String out, String err) {}

  /** Runs {@code ./gear <arguments>} in a new JVM, in the repository root, with stdin. */
  public Result gearWithInput(String stdin, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), GearCli.class.getName()));
    command.addAll(List.of(arguments));
    return exec(command, stdin);
  }

  public Result gear(String... arguments) {
    return gearWithInput("", arguments);
  }

  private Result exec(List<String> command) {
    return exec(command, "");
  }

  private Result exec(List<String> command, String stdin) {
    try {
      Path out = Files.createTempFile("gear-test", ".out");
      Path err = Files.createTempFile("gear-test", ".err");
      Path in = Files.createTempFile("gear-test", ".in");
      Files.writeString(in, stdin);
      Process process =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectInput(in.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      Files.delete(in);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
