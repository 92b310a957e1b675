package project_app.definition;

import fwgear.centers.PipelineLabels;
import fwgear.centers.PipelineStage;
import java.util.List;

/**
 * One document of the project file: a study (the reference calls it a project) with its centers and
 * datatypes. Its projects' labels follow {@link PipelineLabels}, which push_template reads back.
 *
 * @param name the display name ({@code project}), used in the release group's label
 * @param projectId the short id ({@code project-id}) that suffixes labels and names the release
 *     group
 * @param datatypes as written; labels use them lower-cased
 * @param published whether the study has a release group with a master project
 * @param primary whether its project labels go without the {@code -<project-id>} suffix
 * @param line the line where the document starts
 */
public record StudyDefinition(
    String name,
    String projectId,
    List<CenterDefinition> centers,
    List<String> datatypes,
    boolean published,
    boolean primary,
    int line) {

  public StudyDefinition {
    centers = List.copyOf(centers);
    datatypes = List.copyOf(datatypes);
  }

  /** {@code prefix} for a primary study, else {@code prefix-<project-id>}. */
  public String suffixed(String prefix) {
    return PipelineLabels.suffixed(prefix, projectId, primary);
  }

  public String ingestLabel(String datatype) {
    return PipelineLabels.project(PipelineStage.INGEST, datatype, projectId, primary);
  }

  public String retrospectiveLabel(String datatype) {
    return PipelineLabels.project(PipelineStage.RETROSPECTIVE, datatype, projectId, primary);
  }

  public String acceptedLabel() {
    return PipelineLabels.accepted(projectId, primary);
  }

  /** The release group is always suffixed, even for a primary study. */
  public String releaseGroupId() {
    return PipelineLabels.releaseGroupId(projectId);
  }

  public String releaseGroupLabel() {
    return PipelineLabels.releaseGroupLabel(name);
  }
}
