package project_app;

import fwgear.context.GearContext;
import fwgear.engine.BotClientFactory;
import fwgear.engine.GearEngine;
import fwgear.engine.GearExecution;
import fwgear.engine.GearExecutionException;
import fwgear.engine.GearExecutionFactory;
import fwgear.engine.UserClientFactory;
import fwgear.flywheel.ApiKey;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.FlywheelClients;
// TEMP import fwgear.flywheel.FlywheelClients;
import fwgear.flywheel.FlywheelException;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import project_app.definition.ProjectFile;
import project_app.site.FlywheelSite;

/**
 * The gear's environment (the seed's {@code run.py}): reads the config, checks the whole project
 * file, connects to Flywheel with the user's key or the gear bot's, and hands over to {@link Main}.
 * The project file is checked before any connection is made, so a bad file costs no request.
 */
public final class Run implements GearExecutionFactory {
  private static final Logger LOG = LoggerFactory.getLogger(Run.class);

  public static final String API_KEY = "api-key";
  public static final String PROJECT_FILE = "project_file";

  /** The manifest's config; {@code apikeyPathPrefix} is null when not set. */
  public record Config(
      boolean dryRun, String adminGroup, boolean newOnly, String apikeyPathPrefix) {}

  private final UserClientFactory<FlywheelClient> users;
  private final BotClientFactory<FlywheelClient> bots;

  public Run(UserClientFactory<FlywheelClient> users, BotClientFactory<FlywheelClient> bots) {
    this.users = users;
    this.bots = bots;
  }

  public static void main(String[] args) {
    System.exit(
        GearEngine.create().run(new Run(FlywheelClients.user(), FlywheelClients.bot()), args));
  }

  @Override
  public GearExecution create(GearContext context) throws GearExecutionException {
    Config config = context.config(Config.class);
    Path file =
        context
            .inputPath(PROJECT_FILE)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        Problem.error(
                            "config.json",
                            0,
                            "inputs." + PROJECT_FILE,
                            "input-missing",
                            "the project file input is required")));
    String name = context.inputFilename(PROJECT_FILE).orElse(file.getFileName().toString());
    ProjectFile.Contents contents = ProjectFile.read(file, name);
    contents.warnings().forEach(warning -> LOG.warn("{}", warning.format()));

    FlywheelClient client = connect(context, config);
    Main main =
        new Main(
            new FlywheelSite(client),
            new Main.Options(
                config.adminGroup() == null ? "nacc" : config.adminGroup(),
                config.dryRun(),
                config.newOnly()));
    return ignored -> {
      try {
        main.run(contents.studies());
      } catch (FlywheelException e) {
        throw new GearExecutionException(e.getMessage(), e);
      }
    };
  }

  private FlywheelClient connect(GearContext context, Config config) throws GearExecutionException {
    ApiKey jobKey =
        context
            .apiKey()
            .orElseThrow(
                () ->
                    new GearExecutionException(
                        "No Flywheel connection: the api-key input is missing"));
    String prefix = config.apikeyPathPrefix();
    if (prefix != null && !prefix.isBlank()) {
      LOG.info("Using the gear-bot API key from {}/apikey", prefix.strip());
      return bots.create(jobKey, prefix.strip());
    }
    return users.create(jobKey);
  }
}
