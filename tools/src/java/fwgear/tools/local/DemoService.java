package fwgear.tools.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.emulator.RequestLog;
import fwgear.flywheel.ApiKey;
import fwgear.flywheel.FlywheelClient;
import fwgear.manifest.InputSpec;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Repository;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * {@code ./gear demo}: runs gears end to end with nothing to set up. It starts the local Flywheel
 * server on a free port with a temporary database (and the demo's seed), configures the first gear
 * with a file input and the server's key (never printed), runs it as {@code ./gear run} does, then
 * the gears that follow it, and prints the groups and projects the server holds afterwards.
 */
public final class DemoService {
  /**
   * What the demo runs.
   *
   * @param gear the gear's folder or name
   * @param fileInput the file input to give, or null for a gear without one
   * @param file that input's file, relative to the repository root (null without a file input)
   * @param seed the local Flywheel's seed file, relative to the repository root; null for the
   *     built-in seed
   * @param then gears run after the first one succeeded (api-key input and config only)
   * @param config config values ({@code key=value}) of the gears of {@code then}, by gear
   * @param filesOf a project label whose projects' files are listed after the tree, or null
   * @param siteInputs file inputs of the gears of {@code then} taken from the site, by gear: a file
   *     a gear before them uploaded
   * @param listUsers whether the site's users are listed after the tree
   */
  public record Demo(
      String gear,
      String fileInput,
      String file,
      String seed,
      List<String> then,
      Map<String, List<String>> config,
      String filesOf,
      Map<String, SiteFile> siteInputs,
      boolean listUsers) {
    /** project_management with its worked example, on the built-in seed. */
    public static final Demo PROJECT_MANAGEMENT =
        new Demo(
            "gears/project_management",
            "project_file",
            "gears/project_management/data/test-project.yaml");

    /**
     * The README's main job: project_management makes the centers of push_template's demo project
     * file (its worked example with ADC ids), then push_template copies the seeded admin group's
     * templates onto them.
     */
    public static final Demo TEMPLATES =
        new Demo(
            "gears/project_management",
            "project_file",
            "gears/push_template/data/demo-project.yaml",
            "gears/push_template/data/templates-seed.yaml",
            List.of("gears/push_template"));

    /**
     * pull_metadata's demo: project_management makes the centers of push_template's demo project
     * file (groups tagged adcid-1006, 2006, 5006, each with a metadata project), then pull_metadata
     * splits the two sample tables the seed put in S3 into them; each center project's files are
     * listed.
     */
    public static final Demo PULL_METADATA =
        new Demo(
            "gears/project_management",
            "project_file",
            "gears/push_template/data/demo-project.yaml",
            "gears/pull_metadata/data/demo-seed.yaml",
            List.of("gears/pull_metadata"),
            Map.of(
                "gears/pull_metadata",
                List.of(
                    "s3_param_path=/prod/flywheel/gearbot/s3",
                    "bucket_name=nacc-metadata",
                    "destination_label=metadata",
                    "table_list=[\"visits.csv\", \"tables/forms.csv\"]")),
            "metadata",
            Map.of(),
            false);

    /**
     * The NACC directory to Flywheel users: directory_pull turns the seed's REDCap report into the
     * user file and uploads it to nacc/project-admin, then user_management runs on that file (as
     * its worked example, docs/user_management/index.md), then once more (0 writes); the tree shows
     * each user's group access and project roles, and the users are listed.
     */
    public static final Demo USER_MANAGEMENT =
        new Demo(
            "gears/directory_pull",
            null,
            null,
            "gears/user_management/data/user-seed.yaml",
            List.of("gears/user_management"),
            Map.of("gears/directory_pull", List.of("user_report_id=101")),
            null,
            Map.of(
                "gears/user_management",
                new SiteFile("user_file", "nacc", "project-admin", "nacc-directory-users.yaml")),
            true);

    public Demo {
      then = then == null ? List.of() : List.copyOf(then);
      config = config == null ? Map.of() : Map.copyOf(config);
      siteInputs = siteInputs == null ? Map.of() : Map.copyOf(siteInputs);
    }

    public Demo(String gear, String fileInput, String file, String seed, List<String> then) {
      this(gear, fileInput, file, seed, then, Map.of(), null, Map.of(), false);
    }

    public Demo(String gear, String fileInput, String file) {
      this(gear, fileInput, file, null, List.of());
    }

    public Demo withFile(String otherFile) {
      return new Demo(
          gear, fileInput, otherFile, seed, then, config, filesOf, siteInputs, listUsers);
    }
  }

  /**
   * A file input taken from the site: file {@code file} of project {@code group/project}.
   *
   * @param input the gear's input name
   */
  public record SiteFile(String input, String group, String project, String file) {
    @Override
    public String toString() {
      return group + "/" + project + "/" + file;
    }
  }

  /** Where the demo keeps the files it takes from the site for a gear's inputs. */
  static final String SITE_INPUTS = "tmp/gear/demo/inputs";

  private final Path root;
  private final GearBinaries binaries;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, Gear> gears = new HashMap<>();
  private Repository repository;

  public DemoService(Path root, GearBinaries binaries, PrintWriter out, PrintWriter err) {
    this.root = root;
    this.binaries = binaries;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the demo; returns the gear's exit code. The tree is printed whatever the gear's outcome,
   * since a failed run's partial state is what one wants to see then.
   *
   * @param options extra {@code key=value} config values, such as {@code dry_run=true}
   */
  public int run(Demo demo, List<String> options) {
    return run(demo, options, Optional.empty());
  }

  /**
   * Runs the demo, in the gear's image when an image launcher is given ({@code --image}: the server
   * is reached over the host network).
   */
  public int run(Demo demo, List<String> options, Optional<RunService.ImageLauncher> image) {
    Gear gear = gear(demo.gear());
    List<Gear> next = demo.then().stream().map(this::gear).toList();
    quietServerLogs();
    Path data = temporaryFolder();
    Optional<Path> seed = Optional.ofNullable(demo.seed()).map(root::resolve);
    try (FlywheelEmulator server =
        FlywheelEmulator.start(new EmulatorOptions(0, Optional.of(data), seed).withS3(0))) {
      err.println(
          "gear: local Flywheel server at "
              + server.baseUrl()
              + " (temporary data"
              + (demo.seed() == null ? "" : ", seed " + demo.seed())
              + ")");
      ApiKey key = server.apiKey();
      // The gear's AWS SDK reads the gear-bot key from this server's SSM endpoint.
      RunService runs = new RunService(binaries, out, err, server.awsEnvironment());
      // In images too: a gear-bot gear reads its key from this server's SSM endpoint.
      Optional<RunService.ImageLauncher> inImage =
          image.map(launcher -> launcher.withEnvironment(server.awsEnvironment()));
      List<String> firstInputs =
          demo.fileInput() == null ? List.of() : List.of(demo.fileInput() + "=" + demo.file());
      int exitCode =
          run(runs, gear, configure(gear, firstInputs, key, with(options, demo, gear)), inImage);
      Gear last = gear;
      List<String> lastInputs = List.of();
      for (Gear then : next) {
        if (exitCode != 0) {
          break;
        }
        err.println("gear: then " + then.name());
        Optional<List<String>> inputs = siteInputs(demo, then, FlywheelClient.connect(key));
        if (inputs.isEmpty()) {
          exitCode = 1;
          break;
        }
        exitCode =
            run(runs, then, configure(then, inputs.get(), key, with(options, demo, then)), inImage);
        last = then;
        lastInputs = inputs.get();
      }
      if (exitCode == 0 && !next.isEmpty()) {
        // The last gear once more, nothing having changed: the request log shows what it sent.
        err.println("gear: " + last.name() + " again, nothing having changed");
        server.requestLog().clear();
        exitCode =
            run(runs, last, configure(last, lastInputs, key, with(options, demo, last)), inImage);
        List<RequestLog.Entry> requests =
            server.requestLog().entries().stream()
                .filter(e -> e.path().startsWith("/api/"))
                .toList();
        long writes = requests.stream().filter(RequestLog.Entry::isWrite).count();
        out.println();
        out.println(
            "Second run of "
                + last.name()
                + ": "
                + writes
                + (writes == 1 ? " write, " : " writes, ")
                + (requests.size() - writes)
                + " reads (the local Flywheel's request log)");
      }
      out.println();
      out.print(SiteTree.render(FlywheelClient.connect(key)));
      if (demo.filesOf() != null) {
        printFiles(FlywheelClient.connect(key), demo.filesOf());
      }
      if (demo.listUsers()) {
        printUsers(FlywheelClient.connect(key));
      }
      out.flush();
      return exitCode;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the local Flywheel server: " + e.getMessage(), e);
    } finally {
      deleteQuietly(data);
    }
  }

  /**
   * The gear a demo names, resolved once: the repository is loaded on first use and every name of
   * the demo (its gears, their config and site inputs) is resolved against that one load.
   */
  private Gear gear(String spec) {
    if (repository == null) {
      repository = Repository.load(root.toAbsolutePath().normalize(), System.getenv());
    }
    return gears.computeIfAbsent(spec, s -> LocalGears.resolve(repository, root, s));
  }

  /** The demo's config values for this gear, then the command line's. */
  private List<String> with(List<String> options, Demo demo, Gear gear) {
    List<String> all = new ArrayList<>();
    demo.config()
        .forEach(
            (name, values) -> {
              if (gear(name).manifest().name().equals(gear.manifest().name())) {
                all.addAll(values);
              }
            });
    all.addAll(options);
    return all;
  }

  /**
   * The file inputs of {@code gear} that the demo takes from the site, as {@code name=path}: each
   * file is downloaded to {@value #SITE_INPUTS}. Empty (said on stderr) when a file is not there,
   * as after a dry run.
   */
  private Optional<List<String>> siteInputs(Demo demo, Gear gear, FlywheelClient client) {
    List<String> inputs = new ArrayList<>();
    for (Map.Entry<String, SiteFile> entry : demo.siteInputs().entrySet()) {
      if (!gear(entry.getKey()).manifest().name().equals(gear.manifest().name())) {
        continue;
      }
      SiteFile file = entry.getValue();
      Optional<fwgear.flywheel.Project> project =
          client
              .findProject(file.group(), file.project())
              .map(p -> client.getProject(p.id()))
              .filter(p -> p.file(file.file()).isPresent());
      if (project.isEmpty()) {
        err.println(
            "gear: the site has no file "
                + file
                + " for "
                + gear.manifest().name()
                + "'s input "
                + file.input()
                + " (a dry run uploads nothing); "
                + gear.manifest().name()
                + " does not run");
        return Optional.empty();
      }
      byte[] content = client.downloadProjectFile(project.get().id(), file.file());
      Path path = root.resolve(SITE_INPUTS).resolve(file.file());
      try {
        Files.createDirectories(path.getParent());
        Files.write(path, content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      err.println(
          "gear: "
              + gear.manifest().name()
              + "'s input "
              + file.input()
              + " is "
              + file
              + " from the site ("
              + content.length
              + " bytes, saved as "
              + SITE_INPUTS
              + "/"
              + file.file()
              + ")");
      inputs.add(file.input() + "=" + path);
    }
    return Optional.of(inputs);
  }

  /** The site's users: id, email and names. */
  private void printUsers(FlywheelClient client) {
    out.println();
    out.println("Users:");
    client.findUsers().stream()
        .sorted(Comparator.comparing(fwgear.flywheel.User::id))
        .forEach(
            user ->
                out.println(
                    "  "
                        + user.id()
                        + " "
                        + user.email()
                        + " ("
                        + user.firstname()
                        + " "
                        + user.lastname()
                        + ")"));
  }

  /** Each project labelled {@code label} with its files (name, size, version). */
  private void printFiles(FlywheelClient client, String label) {
    out.println();
    out.println("Files of the " + label + " projects:");
    for (fwgear.flywheel.Project listed : client.findProjects()) {
      if (!label.equals(listed.label())) {
        continue;
      }
      fwgear.flywheel.Project project = client.getProject(listed.id());
      out.println("  " + project.group() + "/" + project.label());
      if (project.files().isEmpty()) {
        out.println("    (none)");
      }
      for (fwgear.flywheel.FileEntry file : project.files()) {
        out.println(
            "    " + file.name() + " (" + file.size() + " bytes, version " + file.version() + ")");
      }
    }
  }

  private int run(
      RunService runs,
      Gear gear,
      GearConfigFile invocation,
      Optional<RunService.ImageLauncher> image) {
    Path folder =
        root.resolve("tmp/gear/demo")
            .resolve(gear.manifest().name() + "_" + gear.manifest().version());
    return image.isPresent()
        ? runs.runInImage(gear, invocation, folder, List.of(), image.get())
        : runs.run(gear, invocation, folder);
  }

  private static GearConfigFile configure(
      Gear gear, List<String> fileInputs, ApiKey key, List<String> options) {
    List<String> inputs = new ArrayList<>(fileInputs);
    gear.manifest().inputs().values().stream()
        .filter(InputSpec::isApiKey)
        .forEach(input -> inputs.add(input.name()));
    ConfigService config = new ConfigService(gear.root(), ApiKeySource.of(key));
    return config.edit(
        gear,
        ConfigEditor.defaults(gear.manifest()),
        new ConfigService.Changes(true, options, inputs, Optional.empty()));
  }

  /**
   * The server and the client run in this process: their per-request debug lines would bury the
   * gear's own log, so only their warnings are shown.
   */
  private static void quietServerLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      for (String logger : List.of("fwgear.emulator", "fwgear.flywheel", "fwgear.parameters")) {
        context.getLogger(logger).setLevel(Level.WARN);
      }
    }
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("gear-demo-flywheel");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
