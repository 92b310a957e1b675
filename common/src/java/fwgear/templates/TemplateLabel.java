package fwgear.templates;

import fwgear.centers.PipelineLabels;
import fwgear.centers.PipelineStage;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The label of a template project in the admin group, {@code [<datatype>-]<stage>-template}
 * (reference section 3.6): {@code form-ingest-template} is the template of form ingest projects,
 * {@code accepted-template} of accepted projects (datatype {@code all}).
 *
 * @param datatype the datatype, {@code all} when the label has none
 * @param stageWord the stage as written; {@link #stage()} is empty when it names no stage
 */
public record TemplateLabel(String label, String datatype, String stageWord) {
  private static final Pattern LABEL =
      Pattern.compile("^((\\w+)-)?(\\w+)-template$", Pattern.UNICODE_CHARACTER_CLASS);

  /** The template label a project label is, or empty for a project that is not a template. */
  public static Optional<TemplateLabel> parse(String label) {
    Matcher matcher = LABEL.matcher(label);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String datatype = matcher.group(2) == null ? PipelineLabels.Pipeline.ALL : matcher.group(2);
    return Optional.of(new TemplateLabel(label, datatype, matcher.group(3)));
  }

  /** The pipeline stage the label names; empty for an unknown stage ({@code form-qc-template}). */
  public Optional<PipelineStage> stage() {
    return PipelineStage.of(stageWord);
  }

  /** The stage and datatype the template is for, when its stage is known. */
  public Optional<PipelineLabels.Pipeline> pipeline() {
    return stage().map(stage -> new PipelineLabels.Pipeline(stage, datatype));
  }
}
