package fwgear.tools.upload;

import fwgear.flywheel.ApiKey;
import fwgear.flywheel.FlywheelClient;
import fwgear.tools.ExitCode;
import fwgear.tools.RepositoryOption;
import fwgear.tools.TargetSpecs;
import fwgear.tools.UsageException;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import fwgear.tools.changes.ChangedGears;
import fwgear.tools.local.ApiKeySource;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./gear upload}: registers gears with a Flywheel site, as {@code fw-beta gear upload}. */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description = {
      "Uploads the gears the specs select to the Flywheel site of the API key, checking first:",
      "  1. every rule of ./gear validate (exit 2 and nothing sent when one fails);",
      "  2. the site does not have the version yet (exit 1 and nothing sent when it has);",
      "  3. the gear is packaged (rebuilt only when stale) as a docker-archive, which must carry",
      "     the manifest's custom.gear-builder.image, and sent with the manifest.",
      "The API key: --api-key-file, else FW_API_KEY, else a prompt that does not echo.",
      "Docs: docs/upload.md."
    },
    footer = {
      "",
      "Examples:",
      "  FW_API_KEY=... ./gear upload gears/project_management --dry-run",
      "  ./gear upload project-management --api-key-file ~/.fw/key --site https://x.flywheel.io",
      "  ./gear upload :: --since origin/main"
    })
public final class UploadCommand implements Callable<Integer> {
  private final ApiKeySource keys;

  public UploadCommand() {
    this(ApiKeySource.system());
  }

  public UploadCommand(ApiKeySource keys) {
    this.keys = keys;
  }

  @Spec CommandSpec spec;

  @Mixin RepositoryOption repository;

  @Mixin TargetSpecs specs;

  @Option(
      names = "--site",
      paramLabel = "URL",
      description = "The site to upload to; it must be the API key's (a check, not a choice).")
  String site;

  @Option(
      names = "--api-key-file",
      paramLabel = "FILE",
      description = "A file holding the API key (host[:port]:secret) on its first line.")
  Path keyFile;

  @Option(
      names = "--archive",
      paramLabel = "TAR",
      description =
          "Send this docker-archive (./gear package --output docker-archive) instead of packaging;"
              + " it must carry the gear's image.")
  Path archive;

  @Option(names = "--dry-run", description = "Check and say what would be sent; send nothing.")
  boolean dryRun;

  @Option(names = "--strict", description = "Warnings of ./gear validate refuse the upload too.")
  boolean strict;

  @Option(
      names = "--since",
      paramLabel = "REF",
      description =
          "Only the selected gears whose files changed since this git ref (./gear changed --since).")
  String since;

  @Override
  public Integer call() {
    Repository repo = Repository.load(repository.root(), System.getenv());
    if (specs.raw().isEmpty()) {
      throw new UsageException("name the gears to upload (gears/x, a manifest name, or ::)");
    }
    Specs selection = specs.parse(repo);
    if (since != null) {
      Optional<Specs> changed = changedSince(repo, selection);
      if (changed.isEmpty()) {
        spec.commandLine()
            .getOut()
            .println("upload: no selected gear changed since " + since + ": nothing to upload");
        return ExitCode.OK.code();
      }
      selection = changed.get();
    }
    ApiKey key = keyFile != null ? keys.fromFile(keyFile) : keys.fromEnvironmentOrPrompt();
    if (site != null) {
      UploadService.requireSameSite(key, site);
    }
    UploadService service =
        new UploadService(
            repo,
            new UploadService.Options(dryRun, strict, Optional.ofNullable(archive)),
            spec.commandLine().getOut(),
            spec.commandLine().getErr());
    ExitCode exit = service.upload(selection, FlywheelClient.connect(key));
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
    return exit.code();
  }

  /**
   * The selected gears that changed since {@link #since}, as specs of their folders; empty if none.
   */
  private Optional<Specs> changedSince(Repository repo, Specs selection) {
    Set<String> changed = new HashSet<>();
    for (Gear gear : new ChangedGears(repo.root(), System.getenv()).since(since, false)) {
      changed.add(gear.folder());
    }
    List<String> folders =
        Gears.of(repo).all(selection).stream()
            .map(Gear::folder)
            .filter(changed::contains)
            .map(folder -> folder + "::")
            .distinct()
            .toList();
    return folders.isEmpty() ? Optional.empty() : Optional.of(Specs.parse(folders));
  }
}
