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

  /** Syntax errors in plain words: no parser internals ("(code 125)", "[Source: ...]"). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          `{"a": 1,\\n}`          | c.json:2: syntax: column 1: expected a key in double quotes, found '}' (a trailing comma, or a key without quotes?)
          `{"a": 1 "b": 2}`       | c.json:1: syntax: column 9: expected ',' or '}' after a value in an object, found '"'
          `{"a": [1 2]}`          | c.json:1: syntax: column 10: expected ',' or ']' after a value in an array, found '2'
          `{"a" 1}`               | c.json:1: syntax: column 6: expected ':' after a key, found '1'
          `{"a": yes}`            | c.json:1: syntax: column 7: 'yes' is not a JSON value (strings need double quotes; true, false and null are lower case)
          `{"a": {"b": 1}`        | c.json:1: syntax: column 15: the file ends before an Object is closed
          `{a: 1}`                | c.json:1: syntax: column 2: expected a key in double quotes, found 'a' (a trailing comma, or a key without quotes?)
          """)
  void syntaxErrorsSayWhatIsWrongInPlainWords(String json, String line) {
    assertThatThrownBy(() -> LocatedDocument.parseJson(json.replace("\\n", "\n"), "c.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(line);
  }

  @Test
  void linesPointAtTheCopyOfARepeatedKeyThatCounts() {
    LocatedDocument doc =
        LocatedDocument.parseJson("{\n \"a\": {\"x\": 1},\n \"a\": {\n  \"x\": 2\n }\n}", "c.json");

    assertThat(doc.at("a.x").asInt()).isEqualTo(2);
    assertThat(doc.lineOf("a")).isEqualTo(3);
    assertThat(doc.lineOf("a.x")).isEqualTo(4);
    assertThat(doc.duplicateKeys())
        .extracting(Problem::format)
        .containsExactly(
            "c.json:3: a: duplicate-key: appears more than once in its mapping, on line 2 and"
                + " again on line 3; only one may be given");
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

  /**
   * The plain reader that reads a gear's manifest and config.json at its start gives the tree,
   * lines and repeated keys Jackson gives, for the repository's manifests and for documents at its
   * edges; what it does not take (floats, big numbers, comments, bad syntax) Jackson reads.
   */
  @Test
  void thePlainReaderAndJacksonReadTheSame() throws java.io.IOException {
    java.util.List<String> texts = new java.util.ArrayList<>();
    java.nio.file.Path root = java.nio.file.Path.of("..").toAbsolutePath().normalize();
    try (var files = java.nio.file.Files.walk(root.resolve("gears"))) {
      for (java.nio.file.Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        texts.add(java.nio.file.Files.readString(file));
      }
    }
    assertThat(texts).hasSizeGreaterThan(4);
    texts.addAll(
        java.util.List.of(
            "{}",
            "[]",
            " \r\n{\"a\": [1, -2, 2147483648, -9223372036854775807, 0, {\"b\": null}]}\r\n",
            "{\"a\": 1,\r\"b\": true,\n\"c\": false}",
            "{\"e\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00\", \"\": \"\"}",
            "{\"a/b~c\": {\"x\": 1}, \"a/b~c\": {\"y\": [2]}}",
            "{\"d\": {\"k\": 1, \"k\": 2}, \"d\": 3}",
            "\"text\"",
            "42",
            "{\"f\": 1.5, \"g\": 1e3, \"h\": 123456789012345678901234}",
            "{\"big\": 1234567890123456789}"));
    for (String text : texts) {
      LocatedDocument plain = LocatedDocument.parseJson(text, "x.json");
      LocatedDocument jackson = LocatedDocument.parseJsonWithJackson(text, "x.json");
      assertThat(plain.root()).as(text).isEqualTo(jackson.root());
      assertThat(plain.root().toString()).as(text).isEqualTo(jackson.root().toString());
      assertThat(plain.lines()).as(text).isEqualTo(jackson.lines());
      assertThat(plain.duplicateKeys()).as(text).isEqualTo(jackson.duplicateKeys());
    }
    // Syntax errors are Jackson's, worded as before.
    for (String bad :
        java.util.List.of("{\"a\": 01}", "{\"a\": tru}", "{\"a\": 1} x", "", "{\"a\": \"\t\"}")) {
      assertThat(problem(() -> LocatedDocument.parseJson(bad, "x.json")))
          .as(bad)
          .isEqualTo(problem(() -> LocatedDocument.parseJsonWithJackson(bad, "x.json")))
          .isNotEmpty();
    }
  }

  private static String problem(Runnable parse) {
    try {
      parse.run();
      return "";
    } catch (fwgear.problem.InvalidInputException e) {
      return e.problems().toString();
    }
  }
}
