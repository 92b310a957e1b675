package fwgear.tools;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code ./gear}: the one command for a monorepo of Flywheel gears. */
@Command(
    name = "gear",
    mixinStandardHelpOptions = true,
    versionProvider = GearVersion.class,
    description = {
      "Builds, checks and runs the Flywheel gears of a monorepo.",
      "Targets use Pants address syntax: dir:name, dir, dir::, ::."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 the work failed, 2 bad usage or bad input.",
      "Run './gear <command> --help' for a command's options."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      fwgear.tools.validate.ValidateCommand.class,
      fwgear.tools.buildfile.ListCommand.class,
      fwgear.tools.buildfile.PeekCommand.class,
      fwgear.tools.pkg.PackageCommand.class,
      fwgear.tools.local.ConfigCommand.class,
      fwgear.tools.local.RunCommand.class,
      fwgear.tools.local.DemoCommand.class,
      fwgear.tools.scaffold.NewCommand.class,
      fwgear.tools.release.BumpCommand.class,
      fwgear.tools.changes.ChangedCommand.class,
      fwgear.tools.tailor.TailorCommand.class,
      fwgear.tools.upload.UploadCommand.class,
      fwgear.tools.emulator.EmulatorCommand.class,
    })
public final class GearCli {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_BAD_INPUT = 2;

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of unexpected errors.")
  boolean debug;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (used by tests in-process). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * A first argument that is no option and no command is bad usage (exit 2), with the closest
   * command named, whatever follows it ({@code ./gear nonexist --help} too, which picocli would
   * answer with the top-level help and exit 0).
   */
  static java.util.Optional<Integer> unknownCommand(CommandLine commandLine, String... args) {
    java.util.Optional<String> first =
        java.util.Arrays.stream(args)
            .filter(a -> !a.equals("--debug"))
            .findFirst()
            .filter(a -> !a.startsWith("-"));
    if (first.isEmpty() || commandLine.getSubcommands().containsKey(first.get())) {
      return java.util.Optional.empty();
    }
    String name = first.get();
    java.util.Set<String> commands = commandLine.getSubcommands().keySet();
    String closest =
        Closest.to(name, commands, 2).map(c -> " (did you mean '" + c + "'?)").orElse("");
    commandLine
        .getErr()
        .println(
            "gear: unknown command '"
                + name
                + "'"
                + closest
                + "; commands: "
                + String.join(", ", commands)
                + " ('./gear --help' describes them)");
    commandLine.getErr().flush();
    return java.util.Optional.of(EXIT_BAD_INPUT);
  }

  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /** The command line with commands made by a factory (tests give commands another folder). */
  public static CommandLine commandLine(CommandLine.IFactory factory) {
    CommandLine commandLine = new CommandLine(new GearCli(), factory);
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setExecutionStrategy(
        parseResult ->
            unknownCommand(commandLine, parseResult.originalArgs().toArray(String[]::new))
                .orElseGet(() -> new CommandLine.RunLast().execute(parseResult)));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // Target specs may start with '-' (an exclusion such as -gears/x::), which is no option.
    for (String name : java.util.List.of("list", "peek", "validate", "upload")) {
      CommandLine sub = commandLine.getSubcommands().get(name);
      if (sub != null) {
        sub.setUnmatchedOptionsArePositionalParams(true);
      }
    }
    return commandLine;
  }

  /** Turns failures into one clear message and the documented exit code. */
  static final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception exception, CommandLine commandLine, ParseResult parseResult) {
      PrintWriter err = commandLine.getErr();
      boolean debug = parseResult.hasMatchedOption("--debug");
      if (exception instanceof InvalidInputException invalid) {
        invalid.problems().stream().map(Problem::format).forEach(err::println);
        return EXIT_BAD_INPUT;
      }
      if (exception instanceof UsageException) {
        err.println("gear: " + exception.getMessage());
        return EXIT_BAD_INPUT;
      }
      if (debug) {
        exception.printStackTrace(err);
      } else {
        String message = exception.getMessage();
        err.println(
            "gear: "
                + (message == null ? exception.getClass().getSimpleName() : message)
                + " (--debug shows the stack trace)");
      }
      return EXIT_FAILED;
    }
  }
}
