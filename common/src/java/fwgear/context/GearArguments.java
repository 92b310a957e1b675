package fwgear.context;

import fwgear.problem.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command-line arguments a gear accepts, for local runs (on Flywheel a gear gets none).
 *
 * <pre>
 *   --gear-path DIR          the base folder (default $FLYWHEEL, else /flywheel/v0)
 *   --config-path FILE       config.json (default DIR/config.json)
 *   --manifest-path FILE     manifest.json (default DIR/manifest.json)
 *   --destination ID:TYPE    the destination container
 *   --api-key-file FILE      read the API key from a file
 *   --api-key-env NAME       read the API key from an environment variable
 *   --debug                  DEBUG logging and stack traces
 *   name=value               a config value, converted to the manifest's declared type
 *   name=FILE                a file input, for a file input of the manifest
 * </pre>
 *
 * An API key is never accepted as an argument: arguments are visible to every user of the machine
 * (ps) and end up in shell history.
 *
 * @param assignments the {@code name=value} arguments in order
 * @param problems what is wrong with the arguments; the values of rejected key arguments are never
 *     part of a message
 */
public record GearArguments(
    Optional<Path> gearPath,
    Optional<Path> configPath,
    Optional<Path> manifestPath,
    Optional<String> destination,
    Optional<Path> apiKeyFile,
    Optional<String> apiKeyEnv,
    boolean debug,
    List<Assignment> assignments,
    List<Problem> problems) {

  /** Where problems with arguments are reported. */
  public static final String SOURCE = "command line";

  /** One {@code name=value} argument. */
  public record Assignment(String name, String value) {}

  public static GearArguments none() {
    return parse(new String[0]);
  }

  public static GearArguments parse(String[] args) {
    Parser parser = new Parser(args);
    parser.run();
    return parser.result();
  }

  /** Whether the arguments ask for debug output, without parsing the rest (for early errors). */
  public static boolean wantsDebug(String[] args) {
    for (String arg : args) {
      if (arg.equals("--debug")) {
        return true;
      }
    }
    return false;
  }

  private static final class Parser {
    private final String[] args;
    private int next;
    private Path gearPath;
    private Path configPath;
    private Path manifestPath;
    private String destination;
    private Path apiKeyFile;
    private String apiKeyEnv;
    private boolean debug;
    private final List<Assignment> assignments = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    Parser(String[] args) {
      this.args = args;
    }

    void run() {
      while (next < args.length) {
        String arg = args[next++];
        if (arg.startsWith("--")) {
          option(arg);
        } else if (arg.indexOf('=') > 0) {
          int equals = arg.indexOf('=');
          assignments.add(new Assignment(arg.substring(0, equals), arg.substring(equals + 1)));
        } else {
          problem(
              arg,
              "argument-unknown",
              "\"" + arg + "\" is neither an option (--name) nor a name=value assignment");
        }
      }
    }

    private void option(String arg) {
      int equals = arg.indexOf('=');
      String name = equals > 0 ? arg.substring(0, equals) : arg;
      if (name.equals("--api-key") || name.equals("--key")) {
        if (equals < 0 && next < args.length) {
          next++; // skip the key itself
        }
        problem(
            name,
            "argument-api-key",
            "an API key is never given as an argument (others can see it); use --api-key-file"
                + " FILE or the FW_API_KEY environment variable (the value is not shown)");
        return;
      }
      if (name.equals("--debug")) {
        debug = true;
        return;
      }
      String value = equals > 0 ? arg.substring(equals + 1) : valueOf(name);
      if (value == null) {
        return;
      }
      switch (name) {
        case "--gear-path" -> gearPath = Path.of(value);
        case "--config-path" -> configPath = Path.of(value);
        case "--manifest-path" -> manifestPath = Path.of(value);
        case "--destination" -> destination = value;
        case "--api-key-file" -> apiKeyFile = Path.of(value);
        case "--api-key-env" -> apiKeyEnv = value;
        default ->
            problem(
                name,
                "argument-unknown",
                "unknown option "
                    + name
                    + "; a gear takes --gear-path, --config-path, --manifest-path, --destination,"
                    + " --api-key-file, --api-key-env, --debug and name=value");
      }
    }

    private String valueOf(String name) {
      if (next >= args.length || args[next].startsWith("--")) {
        problem(name, "argument-value", name + " needs a value");
        return null;
      }
      return args[next++];
    }

    private void problem(String key, String rule, String message) {
      problems.add(Problem.error(SOURCE, 0, key, rule, message));
    }

    GearArguments result() {
      return new GearArguments(
          Optional.ofNullable(gearPath),
          Optional.ofNullable(configPath),
          Optional.ofNullable(manifestPath),
          Optional.ofNullable(destination),
          Optional.ofNullable(apiKeyFile),
          Optional.ofNullable(apiKeyEnv),
          debug,
          List.copyOf(assignments),
          List.copyOf(problems));
    }
  }
}
