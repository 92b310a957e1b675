package fwgear.engine;

import fwgear.context.GearArguments;
import fwgear.context.GearContext;
import fwgear.context.InvalidMetadataException;
import fwgear.flywheel.FlywheelException;
import fwgear.logging.GearLogging;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a gear: opens its {@link GearContext} (checking the config), initialises logging, logs the
 * config, asks the gear's factory for an execution and runs it, then closes the context (writing
 * the output metadata). The result is the process exit code:
 *
 * <ul>
 *   <li>0: the gear succeeded;
 *   <li>1: the gear failed ({@link GearExecutionException}, a {@code FlywheelException} or anything
 *       else), logged as one line;
 *   <li>2: bad input (manifest, config.json or arguments), one line per problem, before the gear's
 *       own code runs.
 * </ul>
 *
 * Stack traces are logged only with {@code --debug} or config {@code debug: true}.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   GearEngine.exit(GearEngine.create().run(args, Run::run));
 * }
 * }</pre>
 */
public final class GearEngine {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int INVALID_INPUT = 2;

  static {
    // Before the first logger: a gear logs through the runtime's own provider, not logback, whose
    // set-up is a good part of a gear's start.
    GearLogging.preferGearProvider();
  }

  private static final Logger log = LoggerFactory.getLogger(GearEngine.class);

  private final UnaryOperator<GearContext.Builder> contextSettings;

  private GearEngine(UnaryOperator<GearContext.Builder> contextSettings) {
    this.contextSettings = contextSettings;
  }

  public static GearEngine create() {
    return new GearEngine(UnaryOperator.identity());
  }

  /**
   * An engine whose contexts are built with extra settings (base folder, environment, cleaning the
   * output on failure...); the command-line arguments are always applied.
   */
  public GearEngine withContext(UnaryOperator<GearContext.Builder> settings) {
    return new GearEngine(builder -> settings.apply(contextSettings.apply(builder)));
  }

  /**
   * Runs a gear written as one step (read the context, do the work) and returns the exit code;
   * never throws. {@code GearEngine.exit(GearEngine.create().run(args, Run::run))}.
   */
  public int run(String[] args, GearExecution gear) {
    return run(context -> gear, args);
  }

  /** Runs the gear and returns the exit code; never throws. */
  public int run(GearExecutionFactory factory, String[] args) {
    boolean debug = GearArguments.wantsDebug(args);
    // Logging works before the context opens, so that bad input is reported in the gear's format.
    try {
      GearLogging.configure(debug);
    } catch (RuntimeException e) {
      System.err.println("Error: cannot set up logging: " + e.getMessage());
      return FAILED;
    }
    GearContext context;
    try {
      context = contextSettings.apply(GearContext.builder()).args(args).open();
    } catch (InvalidInputException e) {
      report(e);
      return INVALID_INPUT;
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
    try (context) {
      debug = context.debug();
      context.initLogging();
      context.logConfig();
      GearExecution execution = factory.create(context);
      execution.run(context);
      context.succeeded();
    } catch (InvalidInputException e) {
      report(e);
      return INVALID_INPUT;
    } catch (GearExecutionException | RuntimeException e) {
      return failed(e, debug);
    }
    return OK;
  }

  /**
   * Ends the gear's process with {@code status} once standard output and error are flushed. It
   * halts the JVM instead of taking {@code System.exit}'s shutdown sequence: from Java 21 that logs
   * the exit through {@code System.Logger}, whose set-up (a service lookup over the gear's jar,
   * then java.logging's configuration) took 4-8 ms at the end of every run, a tenth of a gear's
   * start. Nothing is lost: the runtime registers no shutdown hooks and has written its output
   * metadata by now, the log is flushed here, and a JVM that is recording a start-up archive still
   * writes it.
   */
  public static void exit(int status) {
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(status);
  }

  private static void report(InvalidInputException e) {
    for (Problem problem : e.problems()) {
      if (problem.isError()) {
        log.error("{}", problem.format());
      } else {
        log.warn("{}", problem.format());
      }
    }
    log.error(
        "Invalid input ({} problem{}): the gear did not run", errors(e), errors(e) == 1 ? "" : "s");
  }

  private static long errors(InvalidInputException e) {
    return e.problems().stream().filter(Problem::isError).count();
  }

  private static int failed(Exception e, boolean debug) {
    String message =
        e instanceof GearExecutionException
                || e instanceof InvalidMetadataException
                || e instanceof FlywheelException
            ? e.getMessage()
            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (debug) {
      log.error("Error: {}", message, e);
    } else {
      log.error("Error: {}", message);
    }
    return FAILED;
  }
}
