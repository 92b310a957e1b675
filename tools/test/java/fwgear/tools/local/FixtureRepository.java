package fwgear.tools.local;

import fwgear.tools.GearCli;
import fwgear.tools.buildfile.Gear;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import picocli.CommandLine;

/** A temporary copy of the fixture repository, which holds one small gear: gears/sample. */
final class FixtureRepository {
  static final String GEAR = "gears/sample";

  final Path root;

  private FixtureRepository(Path root) {
    this.root = root;
  }

  static FixtureRepository copyTo(Path folder) throws IOException {
    Path source;
    try {
      source =
          Path.of(FixtureRepository.class.getResource("fixture-repo/gear.toml").toURI())
              .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path target = folder.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    // Resources lose the executable bit on their way to the class path; git keeps it.
    folder.resolve("gears/sample/src/sh/run.sh").toFile().setExecutable(true);
    return new FixtureRepository(folder.toRealPath());
  }

  Gear gear() {
    return LocalGears.resolve(root, root, GEAR);
  }

  Path configFile() {
    return root.resolve(GEAR).resolve("src/docker/config.json");
  }

  /** Runs {@code ./gear} in-process with the repository root as working directory. */
  Result gear(ApiKeySource keys, String... args) {
    return gear(keys, DestinationLookup.NONE, args);
  }

  /** Runs {@code ./gear} in-process; destination paths are looked up with {@code lookup}. */
  Result gear(ApiKeySource keys, DestinationLookup lookup, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            if (type == ConfigCommand.class) {
              return type.cast(new ConfigCommand(root, keys, lookup));
            }
            if (type == RunCommand.class) {
              return type.cast(new RunCommand(root));
            }
            return CommandLine.defaultFactory().create(type);
          }
        };
    CommandLine cli = GearCli.commandLine(factory);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** ./gear config of the sample gear from its defaults, with a key and its data file. */
  Result configureSample(ApiKeySource keys) {
    return gear(
        keys,
        "config",
        GEAR,
        "--new",
        "-i",
        "api-key",
        "-i",
        "data_file=gears/sample/data/input.yaml");
  }

  record Result(int exitCode, String out, String err) {}
}
