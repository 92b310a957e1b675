package template_app.plan;

import fwgear.centers.PipelineLabels.Pipeline;
import fwgear.flywheel.Group;
import fwgear.templates.ProjectSnapshot;
import java.util.List;

/** A center group and those of its pipeline projects that have a template, as read. */
public record Center(Group group, List<Destination> destinations) {
  public Center {
    destinations = List.copyOf(destinations);
  }

  /** A pipeline project and the stage and datatype its label names. */
  public record Destination(Pipeline pipeline, ProjectSnapshot project) {}
}
