package fwgear.flywheel;

import fwgear.engine.BotClientFactory;
import fwgear.engine.GearExecutionException;
import fwgear.engine.UserClientFactory;
import fwgear.parameters.ParameterStore;
import fwgear.parameters.ParameterStoreException;
import fwgear.parameters.SsmParameterStore;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The engine's client factories for Flywheel: the job user's client and the gear bot's. */
public final class FlywheelClients {
  private FlywheelClients() {}

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
   * refused when its host is not the job key's host (a bot key of another site must not be used).
   */
  public static BotClientFactory<FlywheelClient> bot(
      Supplier<? extends ParameterStore> stores, ClientOptions options) {
    return (jobKey, prefix) -> {
      String name = (prefix.endsWith("/") ? prefix : prefix + "/") + "apikey";
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
      if (!sameHost(botKey, jobKey)) {
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
