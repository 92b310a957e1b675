package fwgear.tools.local;

import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import fwgear.tools.pkg.ImageRunner;
import fwgear.tools.pkg.PackageService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./gear run --image}: packages the gear's image as {@code ./gear package} does (nothing is
 * rebuilt when nothing changed), then runs the prepared folder in it with the packaging's {@link
 * ImageRunner}: mounted at {@code /flywheel/v0}, only the manifest's environment and the default
 * PATH, the manifest's command.
 */
public final class ImageLaunch implements RunService.ImageLauncher {
  private final Map<String, String> environment;

  /** Only the manifest's environment. */
  public ImageLaunch() {
    this(Map.of());
  }

  /** The manifest's environment and these variables (the AWS settings of a gear-bot gear). */
  public ImageLaunch(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public ImageLaunch withEnvironment(Map<String, String> variables) {
    Map<String, String> all = new LinkedHashMap<>(environment);
    all.putAll(variables);
    return new ImageLaunch(all);
  }

  @Override
  public int run(Gear gear, RunFolder run, String command, PrintWriter out, PrintWriter err) {
    String address = gear.image().address().toString();
    try {
      Repository repository = gear.repository();
      PackageService.Summary summary =
          new PackageService(repository, PackageService.Options.defaults(), err)
              .packageTargets(Specs.parse(List.of(address)));
      if (!summary.ok()) {
        throw new IllegalStateException(
            "the image of "
                + gear.manifest().name()
                + " did not build: "
                + String.join("; ", summary.failures()));
      }
      String image =
          gear.manifest().gearBuilderImage().orElseGet(() -> gear.image().imageNames().get(0));
      ImageRunner runner = ImageRunner.detect(repository.settings().imageBuilder());
      err.println(
          "gear: running "
              + gear.manifest().name()
              + " in "
              + image
              + " with "
              + runner.kind().program());
      err.flush();
      Map<String, String> variables = new LinkedHashMap<>(gear.manifest().environment());
      variables.putAll(environment);
      return runner.run(
          new ImageRunner.ImageRun(image, run.root(), variables, command),
          line -> {
            synchronized (out) {
              out.println(line);
              out.flush();
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
