package template_app;

import fwgear.engine.GearExecutionException;
import fwgear.flywheel.FlywheelClient;
import fwgear.plan.Plan;
import fwgear.plan.Summary;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.templates.ProjectSnapshot;
import fwgear.templates.TemplateCopy;
import java.util.ArrayList;
import java.util.List;
import template_app.plan.Center;
import template_app.plan.Change;
import template_app.plan.Planner;
import template_app.plan.TemplateSet;
import template_app.site.SiteReader;
import template_app.site.Steps;

/**
 * The computation: read the templates and the centers, check every template, plan the whole push,
 * then write it (or, in a dry run, print it). Nothing is written before the plan is complete and
 * every template checked: a template naming an unknown {@code $variable} or a missing file stops
 * the gear with exit code 2 and nothing written.
 */
public final class Main {
  /** What the gear's configuration asks for. */
  public record Options(String adminGroup, boolean dryRun, boolean newOnly) {}

  private final FlywheelClient client;
  private final Options options;

  public Main(FlywheelClient client, Options options) {
    this.client = client;
    this.options = options;
  }

  /**
   * @return what was (or would be) written
   * @throws InvalidInputException when a template has problems (before any write)
   */
  public Summary run() throws GearExecutionException {
    return plan().printOrApply(options.dryRun(), Steps.of(client));
  }

  /** The push, read and planned, with nothing written. */
  public Plan<Change> plan() throws GearExecutionException {
    SiteReader reader = new SiteReader(client);
    TemplateSet templates = reader.templates(options.adminGroup());
    List<Problem> problems = new ArrayList<>();
    for (ProjectSnapshot template : templates.templates().values()) {
      problems.addAll(TemplateCopy.problems(template));
    }
    InvalidInputException.throwIfErrors(problems);
    List<Center> centers = reader.centers(templates, options.newOnly());
    return new Planner(reader.roleLabels()).plan(templates, centers, reader.siteUrl());
  }
}
