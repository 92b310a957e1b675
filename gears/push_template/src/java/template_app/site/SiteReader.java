package template_app.site;

import fwgear.centers.CenterGroups;
import fwgear.centers.PipelineLabels;
import fwgear.centers.PipelineLabels.Pipeline;
import fwgear.centers.PipelineStage;
import fwgear.engine.GearExecutionException;
import fwgear.flywheel.Filters;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.FlywheelException;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import fwgear.templates.ProjectSnapshot;
import fwgear.templates.TemplateLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import template_app.plan.Center;
import template_app.plan.TemplateSet;

/**
 * Reads what a push depends on, and nothing else: the admin group's projects, and for each template
 * its rules and apps (2 requests per template); the center groups (1 request), and per center its
 * projects (1 request) and, for each pipeline project with a template, its rules and apps (2
 * requests per project). A second run over an unchanged site reads exactly as much.
 */
public final class SiteReader {
  private final FlywheelClient client;

  public SiteReader(FlywheelClient client) {
    this.client = client;
  }

  /**
   * The templates of the admin group ({@code [<datatype>-]<stage>-template}).
   *
   * @throws GearExecutionException when there is no such group
   */
  public TemplateSet templates(String adminGroup) throws GearExecutionException {
    try {
      client.getGroup(adminGroup);
    } catch (FlywheelException e) {
      if (e.isNotFound()) {
        throw new GearExecutionException("Admin group " + adminGroup + " not found");
      }
      throw e;
    }
    Map<Pipeline, ProjectSnapshot> templates = new LinkedHashMap<>();
    List<String> notices = new ArrayList<>();
    List<Project> projects =
        client.groupProjects(adminGroup).stream()
            .sorted(Comparator.comparing(Project::label))
            .toList();
    for (Project project : projects) {
      Optional<TemplateLabel> label = TemplateLabel.parse(project.label());
      if (label.isEmpty()) {
        continue;
      }
      Optional<Pipeline> pipeline = label.get().pipeline();
      if (pipeline.isEmpty()) {
        notices.add(
            "template "
                + adminGroup
                + "/"
                + project.label()
                + " names an unknown pipeline stage '"
                + label.get().stageWord()
                + "' (ingest, retrospective or accepted): it is not used");
        continue;
      }
      if (pipeline.get().stage() == PipelineStage.ACCEPTED
          && !pipeline.get().datatype().equals(Pipeline.ALL)) {
        notices.add(
            "template "
                + adminGroup
                + "/"
                + project.label()
                + ": accepted projects are not per datatype, only accepted-template applies to"
                + " them: it is not used");
        continue;
      }
      templates.put(pipeline.get(), snapshot(project));
    }
    if (templates.isEmpty()) {
      notices.add("admin group " + adminGroup + " has no template projects");
    }
    return new TemplateSet(templates, notices);
  }

  /**
   * The center groups ({@code adcid-<n>}), only those tagged {@code new-center} when {@code
   * newOnly}, each with its pipeline projects that have a template.
   */
  public List<Center> centers(TemplateSet templates, boolean newOnly) {
    List<Group> groups =
        client.findGroups(Filters.matches("tags", CenterGroups.CENTER_TAG_REGEX)).stream()
            .filter(group -> CenterGroups.isCenter(group.tags()))
            .filter(group -> !newOnly || CenterGroups.isNew(group.tags()))
            .sorted(Comparator.comparing(Group::id))
            .toList();
    List<Center> centers = new ArrayList<>();
    for (Group group : groups) {
      List<Center.Destination> destinations = new ArrayList<>();
      List<Project> projects =
          client.groupProjects(group.id()).stream()
              .sorted(Comparator.comparing(Project::label))
              .toList();
      for (Project project : projects) {
        Optional<Pipeline> pipeline = PipelineLabels.read(project.label());
        if (pipeline.isPresent() && templates.template(pipeline.get()).isPresent()) {
          destinations.add(new Center.Destination(pipeline.get(), snapshot(project)));
        }
      }
      centers.add(new Center(group, destinations));
    }
    return centers;
  }

  /** Site role ids to labels (one request). */
  public Map<String, String> roleLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    client.roles().forEach(role -> labels.putIfAbsent(role.id(), role.label()));
    return labels;
  }

  /** The site's address for people, {@code $site} in descriptions (one request). */
  public String siteUrl() {
    return client.siteConfig().site().redirectUrl();
  }

  private ProjectSnapshot snapshot(Project project) {
    return new ProjectSnapshot(
        project, client.projectRules(project.id()), client.projectViewerApps(project.id()));
  }
}
