package project_app;

import fwgear.engine.GearExecutionException;
import fwgear.plan.Plan;
import fwgear.plan.Summary;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import project_app.definition.ProjectFile;
import project_app.definition.StudyDefinition;
import project_app.plan.Change;
import project_app.plan.Planner;
import project_app.site.PlanApplier;
import project_app.site.Site;
import project_app.site.SiteReader;
import project_app.state.DesiredState;
import project_app.state.GroupSpec;
import project_app.state.RoleRef;
import project_app.state.SiteState;

/**
 * The computation: the state the project file asks for, compared with what Flywheel has, and the
 * difference applied (or, in a dry run, printed). Reads come first, then writes; nothing is read or
 * written for a group the file does not name.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  /** What the gear's configuration asks for. */
  public record Options(String adminGroup, boolean dryRun, boolean newOnly) {}

  private final Site site;
  private final Options options;

  public Main(Site site, Options options) {
    this.site = site;
    this.options = options;
  }

  /** Logs the project file's warnings, then runs its studies. */
  public Summary run(ProjectFile.Contents contents) throws GearExecutionException {
    contents.warnings().forEach(warning -> LOG.warn("{}", warning.format()));
    return run(contents.studies());
  }

  /**
   * @return what was (or would be) created, updated and left unchanged
   */
  public Summary run(List<StudyDefinition> studies) throws GearExecutionException {
    Map<String, RoleRef> roles = site.roles();
    DesiredState desired =
        DesiredState.of(
            studies,
            options.adminGroup(),
            site.group(options.adminGroup()),
            roles,
            options.newOnly());
    SiteState current =
        new SiteReader(site).read(desired.groups().stream().map(GroupSpec::id).toList());
    // Who the gear runs as matters only for a group it creates: asked for then, not before.
    Planner planner = new Planner(roles.values(), site::currentUserId);
    Plan<Change> plan = planner.plan(desired, current);
    return plan.printOrApply(options.dryRun(), PlanApplier.of(site, current));
  }
}
