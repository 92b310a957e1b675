package fwgear.centers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a center's pipeline projects are labelled (reference sections 2.1 and 3.5), in one place for
 * the gear that makes them (project_management) and the gears that find them (push_template):
 *
 * <ul>
 *   <li>{@code ingest-<datatype>} and {@code retrospective-<datatype>}, the datatype lower-cased;
 *   <li>{@code accepted};
 *   <li>{@code metadata} (never suffixed);
 *   <li>each but {@code metadata} suffixed with {@code -<study id>} unless the study is primary;
 *   <li>a published study's release group {@code release-<study id>} (always suffixed), labelled
 *       {@code <study name> Release}, holding {@code master-project}.
 * </ul>
 *
 * Reading a label back: the datatype of {@code ingest-form-tau} is {@code form}, the word right
 * after the stage (a word is letters, digits and underscores, as Python's {@code \w}).
 */
public final class PipelineLabels {
  public static final String METADATA = "metadata";
  public static final String MASTER_PROJECT = "master-project";

  private PipelineLabels() {}

  /** {@code prefix} for a primary study, else {@code prefix-<study id>}. */
  public static String suffixed(String prefix, String studyId, boolean primary) {
    return primary ? prefix : prefix + "-" + studyId;
  }

  /** The project of a per-datatype stage: {@code ingest-form-tau}, {@code retrospective-dicom}. */
  public static String project(
      PipelineStage stage, String datatype, String studyId, boolean primary) {
    if (!stage.perDatatype()) {
      return suffixed(stage.label(), studyId, primary);
    }
    return suffixed(stage.label() + "-" + datatype.toLowerCase(Locale.ROOT), studyId, primary);
  }

  public static String accepted(String studyId, boolean primary) {
    return suffixed(PipelineStage.ACCEPTED.label(), studyId, primary);
  }

  public static String releaseGroupId(String studyId) {
    return "release-" + studyId;
  }

  public static String releaseGroupLabel(String studyName) {
    return studyName + " Release";
  }

  /**
   * The stage and datatype a project label names: {@code ingest-form-tau} is ingest of {@code
   * form}; {@code accepted}, {@code accepted-tau} are accepted (datatype {@code all}); empty for
   * other projects ({@code metadata}, {@code ingest} without a datatype).
   */
  public static Optional<Pipeline> read(String label) {
    for (PipelineStage stage : PipelineStage.values()) {
      if (!stage.perDatatype()) {
        if (label.startsWith(stage.label())) {
          return Optional.of(new Pipeline(stage, Pipeline.ALL));
        }
        continue;
      }
      Matcher matcher = datatypePattern(stage).matcher(label);
      if (matcher.lookingAt()) {
        return Optional.of(new Pipeline(stage, matcher.group(1)));
      }
    }
    return Optional.empty();
  }

  private static Pattern datatypePattern(PipelineStage stage) {
    return Pattern.compile(
        Pattern.quote(stage.label() + "-") + "(\\w+)", Pattern.UNICODE_CHARACTER_CLASS);
  }

  /**
   * A stage with a datatype.
   *
   * @param datatype the datatype, or {@value #ALL} for a stage that is not per datatype
   */
  public record Pipeline(PipelineStage stage, String datatype) {
    public static final String ALL = "all";

    @Override
    public String toString() {
      return datatype + "/" + stage;
    }
  }
}
