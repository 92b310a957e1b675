package fwgear.manifest;

import static fwgear.manifest.ManifestFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

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
}
