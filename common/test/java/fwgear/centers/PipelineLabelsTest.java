package fwgear.centers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineLabelsTest {
  @Test
  void labelsAreSuffixedUnlessPrimary() {
    assertThat(PipelineLabels.project(PipelineStage.INGEST, "Form", "tau", false))
        .isEqualTo("ingest-form-tau");
    assertThat(PipelineLabels.project(PipelineStage.RETROSPECTIVE, "dicom", "tau", true))
        .isEqualTo("retrospective-dicom");
    assertThat(PipelineLabels.accepted("tau", false)).isEqualTo("accepted-tau");
    assertThat(PipelineLabels.accepted("tau", true)).isEqualTo("accepted");
    assertThat(PipelineLabels.releaseGroupId("tau")).isEqualTo("release-tau");
    assertThat(PipelineLabels.releaseGroupLabel("Project Tau")).isEqualTo("Project Tau Release");
  }

  @Test
  void aLabelIsReadBackAsStageAndDatatype() {
    assertThat(PipelineLabels.read("ingest-form-tau"))
        .contains(new PipelineLabels.Pipeline(PipelineStage.INGEST, "form"));
    assertThat(PipelineLabels.read("retrospective-dicom"))
        .contains(new PipelineLabels.Pipeline(PipelineStage.RETROSPECTIVE, "dicom"));
    assertThat(PipelineLabels.read("accepted-zeta"))
        .contains(new PipelineLabels.Pipeline(PipelineStage.ACCEPTED, "all"));
    assertThat(PipelineLabels.read("metadata")).isEmpty();
    assertThat(PipelineLabels.read("ingest-")).isEmpty();
    assertThat(PipelineLabels.read("my-ingest-form")).isEmpty();
  }

  @Test
  void whatProjectManagementMakesIsWhatPushTemplateFinds() {
    for (PipelineStage stage : PipelineStage.values()) {
      String label = PipelineLabels.project(stage, "form", "tau", false);
      assertThat(PipelineLabels.read(label)).map(PipelineLabels.Pipeline::stage).contains(stage);
    }
  }

  @Test
  void centersAreTaggedWithTheirAdcId() {
    assertThat(CenterGroups.isCenter(List.of("center-code-1006", "adcid-7"))).isTrue();
    assertThat(CenterGroups.isCenter(List.of("adcid-", "xadcid-7", "adcid-7x"))).isFalse();
    assertThat(CenterGroups.isNew(List.of("adcid-7", "new-center"))).isTrue();
    assertThat(CenterGroups.isNew(List.of("adcid-7"))).isFalse();
  }

  @Test
  void aCenterIsItsExactTagNotATagThatStartsTheSame() {
    assertThat(CenterGroups.tag(12)).isEqualTo("adcid-12");
    assertThat(CenterGroups.isCenter(List.of("adcid-12"), 12)).isTrue();
    assertThat(CenterGroups.isCenter(List.of("adcid-12"), 1)).isFalse();
    assertThat(CenterGroups.isCenter(List.of("adcid-1"), 12)).isFalse();
    assertThat(CenterGroups.isCenter(List.of("xadcid-1", "adcid-1x"), 1)).isFalse();
  }
}
