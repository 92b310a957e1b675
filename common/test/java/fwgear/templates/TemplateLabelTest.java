package fwgear.templates;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.centers.PipelineLabels.Pipeline;
import fwgear.centers.PipelineStage;
import org.junit.jupiter.api.Test;

class TemplateLabelTest {
  @Test
  void labelsNameADatatypeAndAStage() {
    assertThat(TemplateLabel.parse("form-ingest-template").flatMap(TemplateLabel::pipeline))
        .contains(new Pipeline(PipelineStage.INGEST, "form"));
    assertThat(TemplateLabel.parse("dicom-retrospective-template").flatMap(TemplateLabel::pipeline))
        .contains(new Pipeline(PipelineStage.RETROSPECTIVE, "dicom"));
    assertThat(TemplateLabel.parse("accepted-template").flatMap(TemplateLabel::pipeline))
        .contains(new Pipeline(PipelineStage.ACCEPTED, "all"));
  }

  @Test
  void anUnknownStageIsATemplateWithoutAStage() {
    TemplateLabel label = TemplateLabel.parse("form-qc-template").orElseThrow();
    assertThat(label.stageWord()).isEqualTo("qc");
    assertThat(label.stage()).isEmpty();
  }

  @Test
  void otherProjectsAreNotTemplates() {
    assertThat(TemplateLabel.parse("ingest-form")).isEmpty();
    assertThat(TemplateLabel.parse("template")).isEmpty();
    assertThat(TemplateLabel.parse("form-ingest-template-old")).isEmpty();
    assertThat(TemplateLabel.parse("a-b-c-template")).isEmpty();
  }
}
