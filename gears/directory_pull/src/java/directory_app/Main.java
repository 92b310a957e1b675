package directory_app;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.engine.GearExecutionException;
import fwgear.flywheel.FileEntry;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Project;
import fwgear.plan.Applier;
import fwgear.plan.Plan;
import fwgear.plan.Summary;
import fwgear.plan.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The computation: the report's records become directory entries ({@link DirectoryRecords}), the
 * entries the user file ({@link UserFile}); the plan is its upload to the admin group's {@code
 * project-admin} project when the project has no file of that name with the same hash; then the
 * plan is printed (dry run) or applied. Records left out are warnings with their record ids.
 */
final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  static final String ADMIN_PROJECT = "project-admin";

  record Options(String adminGroup, String fileName, boolean dryRun) {}

  /** What the run did. */
  record Outcome(Summary summary, DirectoryRecords.Conversion conversion, byte[] userFile) {}

  private final FlywheelClient client;
  private final Options options;

  Main(FlywheelClient client, Options options) {
    this.client = client;
    this.options = options;
  }

  Outcome run(List<JsonNode> records) throws GearExecutionException {
    DirectoryRecords.Conversion conversion = DirectoryRecords.convert(records);
    LOG.info(
        "{} record{}: {}, {} incomplete, {} malformed",
        records.size(),
        records.size() == 1 ? "" : "s",
        UploadUserFile.entries(conversion.entries().size()),
        conversion.incomplete().size(),
        conversion.malformed().size());
    byte[] content = UserFile.yaml(conversion.entries());
    Project project = adminProject();
    String path = project.group() + "/" + project.label();
    Optional<FileEntry> existing =
        project.files().stream().filter(f -> options.fileName().equals(f.name())).findFirst();
    List<UploadUserFile> changes = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    if (existing.isPresent()
        && existing.get().sameAs(options.fileName(), FlywheelClient.hash(content))) {
      targets.add(UploadUserFile.target(path, options.fileName()));
    } else {
      changes.add(
          new UploadUserFile(
              project.id(),
              path,
              options.fileName(),
              content,
              conversion.entries().size(),
              existing.isEmpty()));
    }
    Plan<UploadUserFile> plan = new Plan<>(changes, conversion.notices(), targets);
    Summary summary = plan.printOrApply(options.dryRun(), applier(client));
    return new Outcome(summary, conversion, content);
  }

  private Project adminProject() throws GearExecutionException {
    if (client.findGroup(options.adminGroup()).isEmpty()) {
      throw new GearExecutionException("No admin group " + options.adminGroup() + " on the site");
    }
    return client
        .findProject(options.adminGroup(), ADMIN_PROJECT)
        .map(p -> client.getProject(p.id()))
        .orElseThrow(
            () ->
                new GearExecutionException(
                    "The admin group "
                        + options.adminGroup()
                        + " has no project "
                        + ADMIN_PROJECT
                        + " for the user file"));
  }

  static Applier<UploadUserFile> applier(FlywheelClient client) {
    return Applier.<UploadUserFile>builder()
        .on(
            UploadUserFile.class,
            c ->
                client.uploadProjectFile(
                    c.projectId(), c.fileName(), c.content(), UserFile.CONTENT_TYPE))
        .build();
  }
}
