package fwgear.manifest;

import static fwgear.manifest.ManifestFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

  @Test
  void checksObjectsAsFileInputDirectivesDo() {
    var schema =
        json(
            "{\"type\": \"object\", \"required\": [\"type\"], \"additionalProperties\": false,"
                + " \"properties\": {\"type\": {\"enum\": [\"dicom\"]}, \"size\": {\"maximum\": 10}}}");
    assertThat(JsonSchemas.violations(schema, json("{\"type\": \"dicom\", \"size\": 3}")))
        .isEmpty();
    assertThat(JsonSchemas.violations(schema, json("{\"size\": 11, \"x\": 1}")))
        .containsExactly(
            "\"type\" is required",
            "\"x\" is not allowed",
            "size: 11 is greater than the maximum of 10");
  }

  @Test
  void checksCombinators() {
    var anyOf = json("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}");
    assertThat(JsonSchemas.violations(anyOf, json("1"))).isEmpty();
    assertThat(JsonSchemas.violations(anyOf, json("true"))).hasSize(1);
    var oneOf = json("{\"oneOf\": [{\"minimum\": 0}, {\"maximum\": 10}]}");
    assertThat(JsonSchemas.violations(oneOf, json("5"))).hasSize(1);
    assertThat(JsonSchemas.violations(oneOf, json("-5"))).isEmpty();
    assertThat(JsonSchemas.violations(json("{\"not\": {\"type\": \"null\"}}"), json("null")))
        .hasSize(1);
    assertThat(
            JsonSchemas.violations(
                json("{\"allOf\": [{\"minLength\": 2}, {\"maxLength\": 3}]}"), json("\"abcd\"")))
        .containsExactly("is longer than 3 characters (4)");
  }

  @Test
  void tupleItemsAndAdditionalItems() {
    var tuple =
        json(
            "{\"items\": [{\"type\": \"string\"}, {\"type\": \"integer\"}], \"additionalItems\": false}");
    assertThat(JsonSchemas.violations(tuple, json("[\"a\", 1]"))).isEmpty();
    assertThat(JsonSchemas.violations(tuple, json("[1, 1, 3]")))
        .containsExactly(
            "has more items than the directive allows",
            "0: expected a string but got the integer 1");
  }

  @Test
  void findsIssuesInNestedSchemas() {
    assertThat(
            JsonSchemas.schemaIssues(
                json(
                    "{\"properties\": {\"a\": {\"type\": 1}}, \"anyOf\": [], \"required\": [],"
                        + " \"dependencies\": {\"a\": [1]}, \"multipleOf\": 0, \"optional\": \"x\"}")))
        .extracting(JsonSchemas.SchemaIssue::path)
        .containsExactly(
            java.util.List.of("anyOf"),
            java.util.List.of("dependencies", "a", "0"),
            java.util.List.of("multipleOf"),
            java.util.List.of("properties", "a", "type"),
            java.util.List.of("required"));
  }

  /**
   * The library's regular expressions: java.util.regex where it reads a pattern as ECMA-262 does,
   * joni everywhere else, with the same answers as joni alone on every text (line breaks and
   * non-ASCII text go to joni).
   */
  @Test
  void theRegexFactoryAnswersAsJoniDoes() {
    List<String> patterns =
        List.of(
            "^[a-z0-9\\-]+$",
            "^[0-9]{3}-[0-9]{4}$",
            "^\\S+$",
            "\\w+",
            "^.*\\.txt$",
            "^(?:a|bc)*x{2,}?$",
            "b",
            "^$",
            "(?i)abc",
            "^a{,3}$",
            "\\bword\\b");
    List<String> texts =
        List.of(
            "",
            "abc",
            "gear-01",
            "Gear",
            "555-5555",
            "555-5555\n",
            "a.txt",
            "a.txt\n",
            "x\u00e9",
            "\u00e9t\u00e9",
            "tab\there",
            "bcax",
            "axx",
            "a{,3}",
            "a word here",
            "caf\u00e9 ");
    var ours = new JsonSchemas.EcmaRegexes();
    var joni = com.networknt.schema.regex.JoniRegularExpressionFactory.getInstance();
    for (String pattern : patterns) {
      var mine = ours.getRegularExpression(pattern);
      var reference = joni.getRegularExpression(pattern);
      for (String text : texts) {
        assertThat(mine.matches(text))
            .as("/%s/ on %s", pattern, text)
            .isEqualTo(reference.matches(text));
      }
    }
  }
}
