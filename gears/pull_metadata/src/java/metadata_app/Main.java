package metadata_app;

import fwgear.engine.GearExecutionException;
import fwgear.flywheel.FileEntry;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Project;
import fwgear.plan.Applier;
import fwgear.plan.Plan;
import fwgear.plan.Summary;
import fwgear.plan.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import metadata_app.TableSplitter.CenterFile;
import metadata_app.TableSplitter.SplitTable;
import metadata_app.TableSplitter.TableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The computation (the seed's {@code main.run}): each table of the list is read once from S3 and
 * split by center into the work folder; the plan is the upload of each center's file whose bytes
 * differ from the file of that name in the center's project; then the plan is printed (dry run) or
 * applied. A table that cannot be read or split is an error naming it, and the other tables go on;
 * rows of a center without a destination project, and rows whose site cannot be read, are warnings
 * with their counts.
 */
final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  static final String CONTENT_TYPE = "text/csv";

  /** Where the tables come from ({@link S3Tables} in a job). */
  @FunctionalInterface
  interface Tables {
    InputStream open(String key) throws S3Tables.TableUnavailable, GearExecutionException;
  }

  record Options(List<String> tables, String destinationLabel, boolean dryRun) {}

  /**
   * What the run did.
   *
   * @param errors one line per table that could not be read or split
   * @param warnings one line per center or count of rows not uploaded
   */
  record Outcome(Summary summary, List<String> errors, List<String> warnings, long rows) {
    boolean failed() {
      return !errors.isEmpty();
    }
  }

  private final Tables tables;
  private final FlywheelClient client;
  private final Path workDir;
  private final Options options;

  Main(Tables tables, FlywheelClient client, Path workDir, Options options) {
    this.tables = tables;
    this.client = client;
    this.workDir = workDir;
    this.options = options;
  }

  Outcome run() throws GearExecutionException, IOException {
    CenterProjects centers = CenterProjects.read(client, options.destinationLabel());
    if (centers.isEmpty()) {
      throw new GearExecutionException(
          "No ADCID groups found: no group tagged adcid-<n> has a project labelled "
              + options.destinationLabel());
    }
    LOG.info("{} center projects labelled {}", centers.size(), options.destinationLabel());
    List<UploadFile> changes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    long rows = 0;
    int index = 0;
    for (String table : options.tables()) {
      index++;
      SplitTable split;
      try (InputStream in = tables.open(table)) {
        split = TableSplitter.split(table, in, workDir.resolve("split").resolve("table-" + index));
      } catch (S3Tables.TableUnavailable | TableException e) {
        LOG.error("{}", e.getMessage());
        errors.add(e.getMessage());
        continue;
      }
      rows += split.rows();
      LOG.info(
          "Table {}: {} rows by {}, {} centers",
          table,
          split.rows(),
          split.column().name(),
          split.centers().size());
      if (split.unreadable() > 0) {
        warnings.add(
            "Table "
                + table
                + ": "
                + split.unreadable()
                + (split.unreadable() == 1 ? " row" : " rows")
                + " whose "
                + split.column().name()
                + " names no center, not uploaded (line"
                + (split.unreadableLines().size() == 1 ? " " : "s ")
                + split.unreadableLines().stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "))
                + (split.unreadable() > split.unreadableLines().size() ? ", ..." : "")
                + ")");
      }
      String fileName = table.substring(table.lastIndexOf('/') + 1);
      for (CenterFile center : split.centers()) {
        Optional<Project> project = centers.project(center.adcid());
        if (project.isEmpty()) {
          warnings.add(
              "Table "
                  + table
                  + ": no project labelled "
                  + options.destinationLabel()
                  + " for ADCID "
                  + center.adcid()
                  + centers
                      .group(center.adcid())
                      .map(g -> " (group " + g + ")")
                      .orElse(" (no group tagged adcid-" + center.adcid() + ")")
                  + "; "
                  + center.rows()
                  + (center.rows() == 1 ? " row" : " rows")
                  + " not uploaded");
          continue;
        }
        String path = project.get().group() + "/" + project.get().label();
        Optional<FileEntry> existing =
            project.get().files().stream().filter(f -> fileName.equals(f.name())).findFirst();
        if (existing.isPresent() && existing.get().sameAs(fileName, center.hash())) {
          targets.add(UploadFile.target(path, fileName));
          continue;
        }
        changes.add(
            new UploadFile(
                project.get().id(),
                path,
                fileName,
                center.adcid(),
                center.path(),
                center.rows(),
                center.size(),
                center.hash(),
                existing.isEmpty()));
      }
    }
    Plan<UploadFile> plan = new Plan<>(changes, warnings, targets);
    Summary summary = plan.printOrApply(options.dryRun(), applier(client));
    return new Outcome(summary, errors, warnings, rows);
  }

  static Applier<UploadFile> applier(FlywheelClient client) {
    return Applier.<UploadFile>builder()
        .on(
            UploadFile.class,
            c -> {
              byte[] content;
              try {
                content = Files.readAllBytes(c.content());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              client.uploadProjectFile(c.projectId(), c.fileName(), content, CONTENT_TYPE);
            })
        .build();
  }
}
