package fwgear.centers;

import java.util.Locale;
import java.util.Optional;

/**
 * The stages of a center's data pipeline, each a kind of project in the center's group: data comes
 * in through {@code ingest-<datatype>} (and {@code retrospective-<datatype>} for older data) and
 * lands in {@code accepted}.
 */
public enum PipelineStage {
  INGEST("ingest"),
  RETROSPECTIVE("retrospective"),
  ACCEPTED("accepted");

  private final String label;

  PipelineStage(String label) {
    this.label = label;
  }

  /** The stage as labels spell it: {@code ingest}, {@code retrospective}, {@code accepted}. */
  public String label() {
    return label;
  }

  /** Whether projects of this stage are per datatype ({@code ingest-form}); accepted is not. */
  public boolean perDatatype() {
    return this != ACCEPTED;
  }

  /** The stage a label's word names ({@code ingest}), empty for any other word. */
  public static Optional<PipelineStage> of(String word) {
    for (PipelineStage stage : values()) {
      if (stage.label.equals(word.toLowerCase(Locale.ROOT))) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label;
  }
}
