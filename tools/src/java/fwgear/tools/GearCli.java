package fwgear.tools;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.PrintWriter;
import java.util.List;
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
      "Targets use Pants address syntax: dir:name, dir, dir::, ::; -spec excludes.",
      "Every command on a repository takes --root <dir> (default: the nearest folder",
      "up holding gear.toml or pants.toml); every command takes --debug."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 the work failed (or found problems), 2 bad usage or bad",
      "input (an unknown command or option, a spec naming nothing, a BUILD file,",
      "gear.toml or config.json that cannot be read).",
      "Run './gear <command> --help' for a command's options."
    })
public final class GearCli {
  /**
   * The commands, in the order help lists them. Not picocli's {@code subcommands} attribute:
   * picocli would build every command's model (reflection over each one's options and mixins) on
   * every run, a third of a short command's start; {@link #commandLine(CommandLine.IFactory,
   * String...)} builds only the one the arguments name.
   */
  static final List<Class<?>> COMMANDS =
      List.of(
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
          fwgear.tools.emulator.EmulatorCommand.class);

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
    return commandLine(CommandLine.defaultFactory(), args).execute(args);
  }

  /**
   * A first argument that is no option and no command is bad usage (exit 2), with the closest
   * command named, whatever follows it ({@code ./gear nonexist --help} too, which picocli would
   * answer with the top-level help and exit 0).
   */
  static java.util.Optional<Integer> unknownCommand(CommandLine commandLine, String... args) {
    java.util.Optional<String> first = firstCommandArgument(args);
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
    return java.util.Optional.of(ExitCode.BAD_INPUT.code());
  }

  /** The first argument, past {@code --debug}, unless it is an option: the command's name. */
  private static java.util.Optional<String> firstCommandArgument(String... args) {
    return java.util.Arrays.stream(args)
        .filter(a -> !a.equals("--debug"))
        .findFirst()
        .filter(a -> !a.startsWith("-"));
  }

  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /**
   * The command line with every command, made by a factory (tests give commands another folder).
   */
  public static CommandLine commandLine(CommandLine.IFactory factory) {
    return commandLine(factory, new String[0]);
  }

  /**
   * The command line for these arguments: with only the command they name, or with every command
   * when they name none ({@code --help}, {@code help validate}, an unknown command: the help text
   * and the closest command need them all).
   */
  static CommandLine commandLine(CommandLine.IFactory factory, String... args) {
    CommandLine commandLine = new SpecsLast(new GearCli(), factory);
    java.util.Optional<String> named = firstCommandArgument(args).filter(a -> !a.equals("help"));
    for (Class<?> command : COMMANDS) {
      String name = command.getAnnotation(Command.class).name();
      if (named.isEmpty() || named.get().equals(name)) {
        commandLine.addSubcommand(name, command);
      }
    }
    if (named.isPresent() && commandLine.getSubcommands().isEmpty()) {
      return commandLine(factory); // no such command: reported with the full list
    }
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    // An unknown command is reported the same way whether picocli's parse fails on it or
    // succeeds because --help follows it.
    commandLine.setExecutionStrategy(
        parseResult ->
            unknownCommand(commandLine, parseResult.originalArgs().toArray(String[]::new))
                .orElseGet(() -> new CommandLine.RunLast().execute(parseResult)));
    CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler(
        (exception, given) ->
            unknownCommand(commandLine, given)
                .orElseGet(
                    () -> {
                      try {
                        usage.handleParseException(exception, given);
                      } catch (Exception e) {
                        commandLine.getErr().println("gear: " + exception.getMessage());
                      }
                      return ExitCode.BAD_INPUT.code();
                    }));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /**
   * The command line that hands exclusions ({@code -gears/x::}) of the commands taking target specs
   * to picocli after {@code --}, so that they are specs: picocli would read {@code -hidden::} as
   * {@code -h} (help) and {@code -vendor::} as {@code -v} with more options.
   */
  static final class SpecsLast extends CommandLine {
    SpecsLast(Object command, IFactory factory) {
      super(command, factory);
    }

    @Override
    public int execute(String... args) {
      return super.execute(specsLast(this, args));
    }
  }

  /**
   * {@code args} with the arguments of a specs command that start with one '-' and are none of its
   * options moved to the end, after {@code --}; every other argument stays where it was.
   */
  static String[] specsLast(CommandLine commandLine, String... args) {
    int command = 0;
    while (command < args.length && args[command].startsWith("-")) {
      command++;
    }
    CommandLine sub =
        command < args.length ? commandLine.getSubcommands().get(args[command]) : null;
    if (sub == null
        || sub.getCommandSpec().mixins().values().stream()
            .noneMatch(mixin -> mixin.userObject() instanceof TargetSpecs)) {
      return args;
    }
    java.util.List<String> kept = new java.util.ArrayList<>();
    java.util.List<String> specs = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i <= command || arg.equals("--")) {
        kept.addAll(java.util.Arrays.asList(args).subList(i, i <= command ? i + 1 : args.length));
        if (i > command) {
          break;
        }
        continue;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      CommandLine.Model.OptionSpec option = sub.getCommandSpec().findOption(name);
      if (option != null || !arg.startsWith("-") || arg.startsWith("--") || arg.length() == 1) {
        kept.add(arg);
        // An option's values follow it (--root <dir>, --output <format> <path>).
        int values = option == null || arg.contains("=") ? 0 : option.arity().min();
        for (int v = 0; v < values && i + 1 < args.length; v++) {
          kept.add(args[++i]);
        }
      } else {
        specs.add(arg);
      }
    }
    if (!specs.isEmpty()) {
      if (!kept.contains("--")) {
        kept.add("--");
      }
      kept.addAll(specs);
    }
    return kept.toArray(String[]::new);
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
        return ExitCode.BAD_INPUT.code();
      }
      if (exception instanceof UsageException) {
        err.println("gear: " + exception.getMessage());
        return ExitCode.BAD_INPUT.code();
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
      return ExitCode.FAILED.code();
    }
  }
}
