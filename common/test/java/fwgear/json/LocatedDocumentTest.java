package fwgear.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocatedDocumentTest {

  @Test
  void remembersTheLineOfEveryKeyInJson() {
    LocatedDocument doc =
        LocatedDocument.parseJson(
            "{\n  \"config\": {\n    \"speed\": 2,\n    \"list\": [\n      1,\n      {\"a\": 1}\n    ]\n  }\n}",
            "config.json");

    assertThat(doc.lineOf("config")).isEqualTo(2);
    assertThat(doc.lineOf("config.speed")).isEqualTo(3);
    assertThat(doc.lineOf("/config/list/0")).isEqualTo(5);
    assertThat(doc.lineOf("/config/list/1")).isEqualTo(6);
    assertThat(doc.lineOf("/config/list/1/a")).isEqualTo(6);
    assertThat(doc.at("config.speed").asInt()).isEqualTo(2);
  }

  @Test
  void locatesAnAbsentKeyAtItsNearestAncestor() {
    LocatedDocument doc = LocatedDocument.parseJson("{\n\"config\": {\n}\n}", "c.json");

    assertThat(doc.lineOf("config.missing")).isEqualTo(2);
    assertThat(doc.error("/config/missing", "required", "is required").format())
        .isEqualTo("c.json:2: config.missing: required: is required");
  }

  @Test
  void remembersLinesInYamlLists() {
    LocatedDocument doc =
        LocatedDocument.parseYaml(
            "---\n- center-id: alpha\n  name: Alpha\n- center-id: beta\n  name: Beta\n", "p.yaml");

    assertThat(doc.lineOf("/0/name")).isEqualTo(3);
    assertThat(doc.lineOf("/1")).isEqualTo(4);
    assertThat(doc.lineOf("/1/name")).isEqualTo(5);
  }

  @Test
  void aSyntaxErrorNamesFileLineAndColumn() {
    assertThatThrownBy(() -> LocatedDocument.parseJson("{\n  \"a\": 1,\n  oops\n}", "m.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("m.json:3: syntax: column 3");
  }

  @Test
  void readsEveryDocumentOfAYamlStreamWithItsOwnLines() {
    List<LocatedDocument> docs =
        LocatedDocument.parseYamlDocuments(
            "---\nproject: Tau\ncenters:\n  - name: A\n---\nproject: Zeta\ndatatypes: [form]\n---\n",
            "p.yaml");

    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).at("project").asText()).isEqualTo("Tau");
    assertThat(docs.get(0).lineOf("/centers/0/name")).isEqualTo(4);
    assertThat(docs.get(1).at("project").asText()).isEqualTo("Zeta");
    assertThat(docs.get(1).lineOf("datatypes")).isEqualTo(7);
    assertThat(docs.get(1).lineOf("/datatypes/0")).isEqualTo(7);
    assertThat(docs.get(1).lineOf("missing")).isEqualTo(6);
  }

  @Test
  void anEmptyYamlStreamHasNoDocuments() {
    assertThat(LocatedDocument.parseYamlDocuments("", "p.yaml")).isEmpty();
    assertThat(LocatedDocument.parseYamlDocuments("---\n---\n", "p.yaml")).isEmpty();
  }

  @Test
  void aSyntaxErrorInALaterDocumentNamesItsLine() {
    assertThatThrownBy(
            () -> LocatedDocument.parseYamlDocuments("a: 1\n---\nb: [1, 2\nc: 3\n", "p.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("p.yaml:4: syntax:");
  }

  @Test
  void reportsKeysRepeatedInOneMapping() {
    List<LocatedDocument> docs =
        LocatedDocument.parseYamlDocuments(
            "a: 1\nlist:\n  - x: 1\n  - x: 2\n    x: 3\n---\na: 1\na: 2\n", "p.yaml");

    assertThat(docs.get(0).duplicateKeys())
        .extracting(Problem::format)
        .containsExactly(
            "p.yaml:5: list.1.x: duplicate-key: appears more than once in its mapping, on line 4"
                + " and again on line 5; only one may be given");
    assertThat(docs.get(1).duplicateKeys()).extracting(Problem::line).containsExactly(8);
    assertThat(LocatedDocument.parseJson("{\"a\": 1}", "c.json").duplicateKeys()).isEmpty();
  }
}
