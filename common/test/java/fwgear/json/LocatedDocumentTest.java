package fwgear.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.problem.InvalidInputException;
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
        .isEqualTo("c.json:2: required: is required");
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
}
