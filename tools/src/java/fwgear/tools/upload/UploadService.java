package fwgear.tools.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.flywheel.ApiKey;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.FlywheelException;
import fwgear.flywheel.Gear;
import fwgear.problem.Problem;
import fwgear.problem.Severity;
import fwgear.tools.ExitCode;
import fwgear.tools.UsageException;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import fwgear.tools.changes.Git;
import fwgear.tools.pkg.ImageBuilder;
import fwgear.tools.pkg.PackageService;
import fwgear.tools.validate.GearValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./gear upload}: registers gears with a Flywheel site, checking first. It plans before it
 * sends anything: every selected gear must pass {@code ./gear validate} (exit 2 otherwise) and be a
 * version the site does not have (exit 1 otherwise, with the bump to run); only then is each gear
 * packaged (when stale), its docker-archive checked to carry the manifest's image, and the archive
 * sent with the manifest ({@code POST /api/gears/temp}). A failure stops the run with a summary of
 * what was uploaded and what was not. The API key is never printed.
 */
public final class UploadService {
  /**
   * @param dryRun check and report, package and send nothing
   * @param strict warnings of {@code ./gear validate} refuse the upload too
   * @param archive the image archive to send instead of packaging (one gear only)
   */
  public record Options(boolean dryRun, boolean strict, Optional<Path> archive) {}

  /** One gear's upload, planned: its manifest and what is sent with it. */
  record Plan(
      fwgear.tools.buildfile.Gear gear,
      String name,
      String version,
      String image,
      ObjectNode document) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Repository repository;
  private final Options options;
  private final PrintWriter out;
  private final PrintWriter err;

  public UploadService(Repository repository, Options options, PrintWriter out, PrintWriter err) {
    this.repository = repository;
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /**
   * The site of {@code --site} must be the key's: a key is only sent to the host it belongs to.
   *
   * @throws UsageException naming both hosts (never the key's secret)
   */
  public static void requireSameSite(ApiKey key, String site) {
    String text = site.strip();
    URI uri = URI.create(text.contains("://") ? text : "https://" + text);
    if (uri.getHost() == null) {
      throw new UsageException("--site " + site + " is not a URL such as https://x.flywheel.io");
    }
    int port = uri.getPort();
    if (port == 443 || (port == 80 && "http".equals(uri.getScheme()))) {
      port = -1;
    }
    int keyPort = key.port() == 443 ? -1 : key.port();
    if (!uri.getHost().equalsIgnoreCase(key.host()) || (port != keyPort && port != -1)) {
      throw new UsageException(
          "--site "
              + site
              + " is not the site of the API key ("
              + key.host()
              + (key.port() > 0 ? ":" + key.port() : "")
              + "): use a key of that site");
    }
  }

  /** Uploads the gears the specs select; returns the exit code. */
  public ExitCode upload(Specs specs, FlywheelClient site) {
    List<fwgear.tools.buildfile.Gear> gears = Gears.of(repository).all(specs);
    if (gears.isEmpty()) {
      throw new UsageException("the specs select no gear (no docker_image target)");
    }
    if (options.archive().isPresent() && gears.size() > 1) {
      throw new UsageException("--archive names one gear's image: select one gear");
    }
    if (!consistent(specs, gears.size())) {
      return ExitCode.BAD_INPUT;
    }
    List<Plan> plans = gears.stream().map(this::plan).toList();
    Optional<ImageArchive> given = options.archive().map(ImageArchive::read);
    if (given.isPresent() && !given.get().carries(plans.get(0).image())) {
      throw new UsageException(mismatch(given.get(), plans.get(0)));
    }
    List<String> refusals = new ArrayList<>();
    for (Plan plan : plans) {
      Optional<Gear> existing = site.lookupGear(plan.name(), plan.version());
      if (existing.isPresent()) {
        refusals.add(
            "Gear "
                + plan.name()
                + " "
                + plan.version()
                + " already exists: run ./gear bump "
                + plan.gear().folder()
                + " patch");
      }
    }
    if (!refusals.isEmpty()) {
      refusals.forEach(line -> err.println("gear upload: " + line));
      err.println(
          "gear upload: nothing uploaded ("
              + site.baseUrl().getAuthority()
              + " has these versions)");
      return ExitCode.FAILED;
    }
    if (options.dryRun()) {
      for (Plan plan : plans) {
        out.println(
            "would upload "
                + plan.name()
                + " "
                + plan.version()
                + " ("
                + plan.document().path("category").asText()
                + ", image "
                + plan.image()
                + ") to "
                + site.baseUrl().getAuthority()
                + ": "
                + options
                    .archive()
                    .map(a -> "send " + a)
                    .orElse(
                        "package " + plan.gear().image().address() + ", send its docker-archive"));
      }
      out.println("upload: dry run, nothing packaged or sent");
      return ExitCode.OK;
    }
    List<String> uploaded = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      try {
        ImageArchive archive = archive(plan);
        String id = site.uploadGear(plan.document(), archive.path());
        out.println(
            "uploaded "
                + plan.name()
                + " "
                + plan.version()
                + " to "
                + site.baseUrl().getAuthority()
                + " (gear "
                + id
                + ", image "
                + plan.image()
                + ", archive "
                + archive.shownSize()
                + ")");
        out.flush();
        uploaded.add(plan.name() + " " + plan.version());
      } catch (FlywheelException | Failure e) {
        err.println("gear upload: " + plan.name() + " " + plan.version() + ": " + e.getMessage());
        List<String> left =
            plans.subList(i, plans.size()).stream().map(p -> p.name() + " " + p.version()).toList();
        err.println(
            "gear upload: uploaded: "
                + (uploaded.isEmpty() ? "none" : String.join(", ", uploaded))
                + "; not uploaded: "
                + String.join(", ", left));
        return ExitCode.FAILED;
      }
    }
    return ExitCode.OK;
  }

  /** A step of an upload that failed (packaging); the message says what and why. */
  static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message);
    }
  }

  /** Every rule of {@code ./gear validate}; problems are printed as it prints them. */
  private boolean consistent(Specs specs, int gearCount) {
    GearValidator.Result result = new GearValidator().validate(repository, specs);
    List<Problem> blocking =
        result.problems().stream()
            .filter(p -> p.isError() || (options.strict() && p.severity() == Severity.WARNING))
            .toList();
    if (blocking.isEmpty()) {
      return true;
    }
    blocking.forEach(p -> err.println(p.format()));
    err.println(
        "gear upload: nothing uploaded: "
            + blocking.size()
            + (blocking.size() == 1 ? " problem" : " problems")
            + " in "
            + (gearCount == 1 ? "the gear" : gearCount + " gears")
            + " (./gear validate"
            + (options.strict() ? " --strict" : "")
            + " lists them)");
    return false;
  }

  private Plan plan(fwgear.tools.buildfile.Gear gear) {
    JsonNode manifest;
    try {
      manifest = JSON.readTree(repository.resolve(gear.manifestPath()).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + gear.manifestPath(), e);
    }
    JsonNode builder = manifest.path("custom").path("gear-builder");
    ObjectNode document = JSON.createObjectNode();
    document.put("category", builder.path("category").asText("converter"));
    document.set("gear", manifest);
    document.putObject("exchange").put("git-commit", gitCommit());
    return new Plan(
        gear,
        manifest.path("name").asText(),
        manifest.path("version").asText(),
        builder.path("image").asText(),
        document);
  }

  /** The commit the gear is uploaded from, {@code local} outside git (as the real CLI says). */
  private String gitCommit() {
    try {
      List<String> head = new Git(repository.root()).lines("rev-parse", "HEAD");
      return head.isEmpty() ? "local" : head.get(0).toLowerCase(Locale.ROOT);
    } catch (RuntimeException e) {
      return "local";
    }
  }

  /** The given archive, or the gear packaged (rebuilt only when stale) as a docker-archive. */
  private ImageArchive archive(Plan plan) {
    Path path;
    if (options.archive().isPresent()) {
      path = options.archive().get();
    } else {
      String folder = plan.gear().image().target().directory().replace('/', '.');
      path =
          repository
              .root()
              .resolve("dist")
              .resolve(folder.isEmpty() ? "." : folder)
              .resolve(plan.gear().name() + ".docker-archive.tar")
              .normalize();
      PackageService.Summary summary;
      try {
        summary =
            new PackageService(
                    repository,
                    new PackageService.Options(
                        false,
                        Optional.of(
                            new PackageService.Output(
                                ImageBuilder.ArchiveFormat.DOCKER_ARCHIVE, path))),
                    out)
                .packageTargets(Specs.parse(List.of(plan.gear().image().address().toString())));
      } catch (IOException e) {
        throw new Failure("packaging failed: " + e.getMessage());
      }
      if (!summary.ok()) {
        throw new Failure("packaging failed: " + String.join("; ", summary.failures()));
      }
    }
    ImageArchive archive = ImageArchive.read(path);
    if (!archive.carries(plan.image())) {
      throw new Failure(mismatch(archive, plan));
    }
    return archive;
  }

  private static String mismatch(ImageArchive archive, Plan plan) {
    return "the image archive "
        + archive.path()
        + " holds "
        + (archive.names().isEmpty() ? "no named image" : String.join(", ", archive.names()))
        + ", not "
        + plan.image()
        + " (the manifest's custom.gear-builder.image): not uploaded";
  }
}
