package fwgear.flywheel;

import fwgear.context.GearContext;
import fwgear.engine.BotClientFactory;
import fwgear.engine.GearExecutionException;
import fwgear.engine.UserClientFactory;
import fwgear.parameters.ParameterStore;
import fwgear.parameters.ParameterStoreException;
import fwgear.parameters.SsmParameterStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flywheel client a gear acts with, chosen in one place ({@link #forContext(GearContext)},
 * which {@link GearContext#client()} calls), and the two factories behind it: the job user's client
 * and the gear bot's.
 */
public final class FlywheelClients {
  /**
   * The config key that switches a gear to the gear-bot key: when it is set (and not blank), the
   * key is read from {@code <prefix>/apikey} in the AWS SSM parameter store.
   */
  public static final String APIKEY_PATH_PREFIX = "apikey_path_prefix";

  private static final Logger LOG = LoggerFactory.getLogger(FlywheelClients.class);

  private FlywheelClients() {}

  /**
   * The client a gear acts with:
   *
   * <ul>
   *   <li>the gear bot's, when config {@value #APIKEY_PATH_PREFIX} is set: its key is {@code
   *       <prefix>/apikey} in the AWS SSM parameter store (configured from the context's
   *       environment: {@code AWS_REGION}, credentials, {@code AWS_ENDPOINT_URL_SSM}), refused when
   *       its host is not the job key's host;
   *   <li>otherwise the user's, from the job's api-key input.
   * </ul>
   *
   * The user's client needs the api-key input; the gear bot's is checked against it (same host)
   * when the job has one, and names the site itself when it has none (a gear whose manifest
   * declares no api-key input). Use {@link GearContext#client()}, which makes the client once per
   * job.
   *
   * @throws GearExecutionException when there is no api-key input, or the gear-bot key cannot be
   *     read or is for another site (the message names the parameter, never the key)
   */
  public static FlywheelClient forContext(GearContext context) throws GearExecutionException {
    Optional<ApiKey> jobKey = context.apiKey();
    ClientOptions options = context.clientOptions();
    Optional<String> prefix =
        context
            .config(APIKEY_PATH_PREFIX, String.class)
            .map(String::strip)
            .filter(p -> !p.isEmpty());
    if (prefix.isPresent()) {
      LOG.info("Using the gear-bot API key from {}", parameterName(prefix.get()));
      Map<String, String> environment = context.environment();
      // A gear-bot gear without an api-key input (pull_metadata): the bot key names the site.
      return bot(() -> SsmParameterStore.fromEnvironment(environment), options)
          .create(jobKey.orElse(null), prefix.get());
    }
    return user(options)
        .create(
            jobKey.orElseThrow(
                () ->
                    new GearExecutionException(
                        "No Flywheel connection: the job has no api-key input")));
  }

  /** A client acting as the user who started the job, with the job's key. */
  public static UserClientFactory<FlywheelClient> user() {
    return user(ClientOptions.defaults());
  }

  public static UserClientFactory<FlywheelClient> user(ClientOptions options) {
    return jobKey -> FlywheelClient.connect(jobKey, options);
  }

  /** The gear bot's client, its key read from SSM as configured by the AWS environment. */
  public static BotClientFactory<FlywheelClient> bot() {
    return bot(SsmParameterStore::fromEnvironment, ClientOptions.defaults());
  }

  /**
   * The gear bot's client: its key is {@code <prefix>/apikey} in the parameter store, and it is
   * refused when its host is not the job key's host (a bot key of another site must not be used); a
   * null job key (a job without api-key input) skips that check.
   */
  public static BotClientFactory<FlywheelClient> bot(
      Supplier<? extends ParameterStore> stores, ClientOptions options) {
    return (jobKey, prefix) -> {
      String name = parameterName(prefix);
      Optional<String> value;
      try {
        ParameterStore store = stores.get();
        try {
          value = store.get(name);
        } finally {
          if (store instanceof AutoCloseable closeable) {
            closeQuietly(closeable);
          }
        }
      } catch (ParameterStoreException e) {
        throw new GearExecutionException("cannot read the gear-bot API key: " + e.getMessage(), e);
      }
      if (value.isEmpty() || value.get().isBlank()) {
        throw new GearExecutionException("no gear-bot API key in the parameter store at " + name);
      }
      ApiKey botKey;
      try {
        botKey = ApiKey.parse(value.get());
      } catch (IllegalArgumentException e) {
        throw new GearExecutionException(
            "the gear-bot API key at " + name + " is not valid: " + e.getMessage());
      }
      if (jobKey != null && !sameHost(botKey, jobKey)) {
        throw new GearExecutionException(
            "the gear-bot API key at "
                + name
                + " is for host "
                + botKey.host()
                + ", but this job runs on "
                + jobKey.host()
                + "; refusing to use it");
      }
      return FlywheelClient.connect(botKey, options);
    };
  }

  private static String parameterName(String prefix) {
    return (prefix.endsWith("/") ? prefix : prefix + "/") + "apikey";
  }

  private static boolean sameHost(ApiKey a, ApiKey b) {
    return a.host().toLowerCase(Locale.ROOT).equals(b.host().toLowerCase(Locale.ROOT));
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Only the store's HTTP connections are released here; nothing to report.
    }
  }
}
