package template_app.plan;

import fwgear.centers.PipelineLabels.Pipeline;
import fwgear.templates.ProjectSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template projects of the admin group, by the stage and datatype they are for, and what the
 * user should know about the others (an unknown stage, a datatype accepted projects cannot use).
 */
public record TemplateSet(Map<Pipeline, ProjectSnapshot> templates, List<String> notices) {
  public TemplateSet {
    templates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(templates));
    notices = List.copyOf(notices);
  }

  public Optional<ProjectSnapshot> template(Pipeline pipeline) {
    return Optional.ofNullable(templates.get(pipeline));
  }
}
