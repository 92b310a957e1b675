package fwgear.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fwgear.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path output;

  private static Metadata metadata(String destinationType) {
    return new Metadata(
        "word-count",
        "0.3.0",
        Optional.ofNullable(destinationType).map(t -> new ContainerRef(t, "d1")),
        Optional.of("job1"),
        JsonNodeFactory.instance.objectNode().put("speed", 2),
        Map.of("text_file", "words.txt"));
  }

  @Test
  void collectsContainerAndFileUpdatesTagsAndQcResults() throws Exception {
    Files.writeString(output.resolve("count.txt"), "4");
    Metadata metadata =
        metadata("acquisition")
            .updateContainer("session", Map.of("label", "baseline", "info", Map.of("a", 1)))
            .updateContainer("session", Map.of("info", Map.of("b", 2)))
            .addTags("session", "checked", "checked", "new")
            .updateFile("count.txt", Map.of("type", "text", "info", Map.of("words.total", 4)))
            .addFileTags("count.txt", "counted")
            .addFileTags("count.txt", "counted", "final")
            .addQcResult("words.txt", "length", QcState.parse("pass"), Map.of("words", 4));

    Path file = metadata.write(output).orElseThrow();

    JsonNode written = JSON.readTree(file.toFile());
    assertThat(written)
        .isEqualTo(
            JSON.readTree(
                """
                {
                  "session": {"label": "baseline", "info": {"a": 1, "b": 2}, "tags": ["checked", "new"]},
                  "acquisition": {"files": [
                    {"name": "count.txt", "type": "text", "info": {"words_total": 4},
                     "tags": ["counted", "final"]},
                    {"name": "words.txt", "info": {"qc": {"word-count": {
                      "job_info": {"version": "0.3.0", "job_id": "job1",
                                   "inputs": {"text_file": "words.txt"}, "config": {"speed": 2}},
                      "length": {"state": "PASS", "words": 4}}}}}
                  ]}
                }
                """));
    assertThat(output.resolve(".metadata.json.partial")).doesNotExist();
  }

  @Test
  void onlyTheDestinationAndItsParentsCanBeUpdated() {
    Metadata metadata = metadata("session");
    metadata.updateContainer("project", Map.of("label", "p"));
    metadata.updateContainer("subject", Map.of("label", "s"));
    metadata.updateContainer("session", Map.of("label", "s"));
    assertThatThrownBy(() -> metadata.updateContainer("acquisition", Map.of("label", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only the destination and its parents");
    assertThatThrownBy(() -> metadata.updateContainer("analysis", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metadata.updateContainer("group", Map.of()))
        .hasMessageContaining("not a container type");
    // An analysis' parent is unknown here: every level may be updated.
    metadata("analysis").updateContainer("acquisition", Map.of("label", "a"));
  }

  @Test
  void qcStatesArePassFailOrNa() {
    assertThat(QcState.parse("Fail")).isEqualTo(QcState.FAIL);
    assertThat(QcState.parse("na")).isEqualTo(QcState.NA);
    assertThatThrownBy(() -> QcState.parse("ok")).hasMessageContaining("pass, fail or na");
  }

  @Test
  void fileUpdatesNeedADestination() {
    assertThatThrownBy(() -> metadata(null).updateFile("x.txt", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no destination");
  }

  @Test
  void nothingIsWrittenWhenThereIsNothingToSay() {
    assertThat(metadata("analysis").write(output)).isEmpty();
    assertThat(output.resolve(".metadata.json")).doesNotExist();
  }

  @Test
  void aMalformedDocumentIsRefusedWithEveryProblemAndNothingWritten() {
    Metadata metadata =
        metadata("analysis")
            .updateContainer("analysis", Map.of("label", 5, "tags", List.of(1), "info", "x"))
            .updateFile("missing.txt", Map.of("zip_member_count", "many", "type", 3));

    List<Problem> problems = metadata.problems(output);
    assertThat(problems)
        .extracting(Problem::key)
        .containsExactly(
            "analysis.label",
            "analysis.info",
            "analysis.tags",
            "analysis.files.0.name",
            "analysis.files.0.type",
            "analysis.files.0.zip_member_count");
    assertThatThrownBy(() -> metadata.write(output))
        .isInstanceOfSatisfying(
            InvalidMetadataException.class, e -> assertThat(e.problems()).hasSize(6));
    assertThat(output.resolve(".metadata.json")).doesNotExist();
  }

  @Test
  void notANumberBecomesNull() throws Exception {
    Files.writeString(output.resolve("r.csv"), "");
    Path file =
        metadata("analysis")
            .updateFile("r.csv", Map.of("info", Map.of("mean", Double.NaN)))
            .write(output)
            .orElseThrow();
    assertThat(JSON.readTree(file.toFile()).at("/analysis/files/0/info/mean").isNull()).isTrue();
  }
}
