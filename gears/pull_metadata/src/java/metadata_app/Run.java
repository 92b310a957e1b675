package metadata_app;

import fwgear.context.GearContext;
import fwgear.engine.GearEngine;
import fwgear.engine.GearExecutionException;
import fwgear.parameters.SsmParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The gear's environment (the seed's {@code run.py}): the config (the manifest requires and checks
 * it), the gear bot's Flywheel client ({@code context.client()}: the key at {@code
 * apikey_path_prefix}/apikey in SSM), the S3 client from the SSM parameters under {@code
 * s3_param_path}, then {@link Main}. Exit 1 when any table could not be read or split.
 */
public final class Run {
  /** The manifest's config; {@code apikey_path_prefix} is read by {@code context.client()}. */
  record Config(
      boolean dryRun,
      String s3ParamPath,
      String bucketName,
      String destinationLabel,
      List<String> tableList) {}

  public static void main(String[] args) {
    GearEngine.exit(GearEngine.create().run(args, Run::run));
  }

  static void run(GearContext context) throws GearExecutionException {
    Config config = context.config(Config.class);
    Main.Options options =
        new Main.Options(config.tableList(), config.destinationLabel(), config.dryRun());
    try (SsmParameterStore store = SsmParameterStore.fromEnvironment(context.environment());
        S3Tables s3 =
            S3Tables.connect(
                store, config.s3ParamPath(), config.bucketName(), context.environment())) {
      Main.Outcome outcome = new Main(s3::open, context.client(), context.workDir(), options).run();
      if (outcome.failed()) {
        throw new GearExecutionException(
            outcome.errors().size()
                + " of "
                + config.tableList().size()
                + " tables could not be split: "
                + String.join("; ", outcome.errors()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
