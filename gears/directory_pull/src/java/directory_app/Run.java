package directory_app;

import fwgear.context.GearContext;
import fwgear.engine.GearEngine;
import fwgear.engine.GearExecutionException;
import fwgear.flywheel.ClientOptions;
import fwgear.parameters.ParameterStore;
import fwgear.parameters.ParameterStoreException;
import fwgear.parameters.SsmParameterStore;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gear's environment (the seed's {@code run.py}): the config (the manifest requires and checks
 * it), the gear bot's Flywheel client ({@code context.client()}: the key at {@code
 * apikey_path_prefix}/apikey in SSM), the REDCap URL and token from the SSM parameters {@code url}
 * and {@code token} under {@code redcap_param_path} (never from a visible argument), then {@link
 * Main} on the records of report {@code user_report_id}. REDCap is asked with the Flywheel client's
 * timeouts and retries ({@code context.clientOptions()}).
 */
public final class Run {
  static final List<String> PARAMETERS = List.of("url", "token");
  private static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "[::1]");

  /** The manifest's config; {@code apikey_path_prefix} is read by {@code context.client()}. */
  record Config(
      boolean dryRun,
      String adminGroup,
      String userReportId,
      String redcapParamPath,
      String userFilename) {}

  public static void main(String[] args) {
    GearEngine.exit(GearEngine.create().run(args, Run::run));
  }

  static void run(GearContext context) throws GearExecutionException {
    Config config = context.config(Config.class);
    RedcapReports redcap;
    try (SsmParameterStore store = SsmParameterStore.fromEnvironment(context.environment())) {
      redcap = connect(store, config.redcapParamPath(), context.clientOptions());
    }
    Main main =
        new Main(
            context.client(),
            new Main.Options(config.adminGroup(), config.userFilename(), config.dryRun()));
    main.run(redcap.report(config.userReportId()));
  }

  /**
   * The REDCap project named by the parameters {@code url} and {@code token} under {@code path}.
   *
   * @throws GearExecutionException naming the path and what is missing there (never a value)
   */
  static RedcapReports connect(ParameterStore store, String path, ClientOptions options)
      throws GearExecutionException {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      store
          .getByPath(path)
          .forEach((name, value) -> values.put(name.substring(name.lastIndexOf('/') + 1), value));
    } catch (ParameterStoreException e) {
      throw new GearExecutionException(
          "cannot read the REDCap parameters under " + path + ": " + e.getMessage(), e);
    }
    List<String> missing =
        PARAMETERS.stream().filter(p -> values.getOrDefault(p, "").isBlank()).toList();
    if (!missing.isEmpty()) {
      throw new GearExecutionException(
          "no REDCap project: the parameter store has no "
              + String.join(", ", missing)
              + " under "
              + path);
    }
    URI url;
    try {
      url = URI.create(values.get("url").strip());
    } catch (IllegalArgumentException e) {
      url = null;
    }
    if (url == null
        || url.getHost() == null
        || !("https".equals(url.getScheme())
            || "http".equals(url.getScheme()) && LOOPBACK.contains(url.getHost()))) {
      // The token travels in the body: plain http only to this machine (the local Flywheel).
      throw new GearExecutionException(
          "the REDCap parameter "
              + path
              + "/url is not an https URL with a host (http only to 127.0.0.1 or localhost)");
    }
    return new RedcapReports(url, values.get("token").strip(), options);
  }
}
