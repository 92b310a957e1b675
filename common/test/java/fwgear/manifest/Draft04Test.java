package fwgear.manifest;

import static fwgear.manifest.ManifestFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every draft-04 keyword, as a directive (checked against the meta-schema) and on values (each
 * keyword enforced), through the schema library; the regular expressions are ECMA-262's.
 */
class Draft04Test {

  private static List<String> valueProblems(String schema, String value) {
    return JsonSchemas.violations(json(schema), json(value));
  }

  private static List<String> directiveProblems(String schema) {
    return JsonSchemas.schemaIssues(json(schema)).stream()
        .map(issue -> String.join(".", issue.path()) + ": " + issue.message())
        .toList();
  }

  /** keyword | schema | a value that passes | a value that fails | the failure's wording. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          type          | {"type": "integer"}                              | 3             | 3.5            | expected an integer but got the number 3.5
          type array    | {"type": ["string", "null"]}                     | null          | 1              | expected one of [string, null] but got the integer 1
          enum          | {"enum": ["a", 1]}                               | 1             | `"b"`          | "b" is not one of ["a",1]
          minimum       | {"minimum": 2}                                   | 2             | 1              | 1 is less than the minimum of 2
          exclusiveMin  | {"minimum": 2, "exclusiveMinimum": true}         | 3             | 2              | 2 is less than or equal to the minimum of 2
          maximum       | {"maximum": 2}                                   | 2             | 3              | 3 is greater than the maximum of 2
          exclusiveMax  | {"maximum": 2, "exclusiveMaximum": true}         | 1             | 2              | 2 is greater than or equal to the maximum of 2
          multipleOf    | {"multipleOf": 0.5}                              | 1.5           | 1.25           | 1.25 is not a multiple of 0.5
          minLength     | {"minLength": 2}                                 | `"ab"`        | `"a"`          | is shorter than 2 characters (1)
          maxLength     | {"maxLength": 2}                                 | `"ab"`        | `"abc"`        | is longer than 2 characters (3)
          pattern       | {"pattern": "^[0-9]{3}$"}                        | `"123"`       | `"12a"`        | "12a" does not match the pattern ^[0-9]{3}$
          items         | {"items": {"type": "string"}}                    | `["a"]`       | `["a", 1]`     | 1: expected a string but got the integer 1
          tuple items   | {"items": [{"type": "string"}]}                  | `["a", 1]`    | `[1]`          | 0: expected a string but got the integer 1
          additionalIt  | {"items": [{}], "additionalItems": false}        | `[1]`         | `[1, 2]`       | has more items than the directive allows
          additionalIt2 | {"items": [{}], "additionalItems": {"type": "string"}} | `[1, "a"]` | `[1, 2]`   | 1: expected a string but got the integer 2
          minItems      | {"minItems": 1}                                  | `[1]`         | `[]`           | has fewer than 1 items (0)
          maxItems      | {"maxItems": 1}                                  | `[1]`         | `[1, 2]`       | has more than 1 items (2)
          uniqueItems   | {"uniqueItems": true}                            | `[1, 2]`      | `[1, 1]`       | has repeated items
          required      | {"required": ["a"]}                              | `{"a": 1}`    | `{}`           | "a" is required
          properties    | {"properties": {"a": {"type": "string"}}}        | `{"a": "x"}`  | `{"a": 1}`     | a: expected a string but got the integer 1
          patternProps  | {"patternProperties": {"^x-": {"type": "string"}}} | `{"x-a": "s"}` | `{"x-a": 1}` | x-a: expected a string but got the integer 1
          additionalPr  | {"properties": {"a": {}}, "additionalProperties": false} | `{"a": 1}` | `{"b": 1}` | "b" is not allowed
          additionalPr2 | {"additionalProperties": {"type": "integer"}}    | `{"a": 1}`    | `{"a": "x"}`   | a: expected an integer but got the string "x"
          minProperties | {"minProperties": 1}                             | `{"a": 1}`    | `{}`           | has fewer than 1 properties (0)
          maxProperties | {"maxProperties": 1}                             | `{"a": 1}`    | `{"a": 1, "b": 2}` | has more than 1 properties (2)
          dependencies  | {"dependencies": {"a": ["b"]}}                   | `{"a": 1, "b": 2}` | `{"a": 1}` | "a" needs "b"
          dependencies2 | {"dependencies": {"a": {"required": ["c"]}}}     | `{"a": 1, "c": 2}` | `{"a": 1}` | "c" is required
          allOf         | {"allOf": [{"minimum": 1}, {"maximum": 3}]}      | 2             | 4              | 4 is greater than the maximum of 3
          anyOf         | {"anyOf": [{"type": "string"}, {"minimum": 5}]}  | 6             | 1              | matches none of the allowed forms (anyOf: expected a string but got the integer 1; 1 is less than the minimum of 5)
          oneOf         | {"oneOf": [{"minimum": 0}, {"maximum": 10}]}     | -1            | 5              | must match exactly one of the allowed forms (oneOf)
          not           | {"not": {"type": "null"}}                        | 1             | null           | matches a form that is not allowed (not)
          $ref          | {"definitions": {"n": {"type": "integer"}}, "properties": {"a": {"$ref": "#/definitions/n"}}} | `{"a": 1}` | `{"a": "x"}` | a: expected an integer but got the string "x"
          format        | {"format": "email"}                              | `"a@b.org"`   | `"nope"`       | "nope" is not a valid email
          """)
  void everyKeywordIsEnforcedOnValues(
      String keyword, String schema, String passes, String fails, String wording) {
    assertThat(JsonSchemas.schemaIssues(json(schema))).as("the directive is valid").isEmpty();
    assertThat(valueProblems(schema, passes)).as(passes).isEmpty();
    assertThat(valueProblems(schema, fails)).as(fails).containsExactly(wording);
  }

  /** keyword | a directive the meta-schema refuses | where | the wording. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          type name      | {"type": "strin"}                 | type          | unknown type "strin"; use one of string, integer, number, boolean, array, object, null
          type repeated  | {"type": ["string", "string"]}    | type          | must be a type name or a non-empty array of distinct type names (string, integer, number, boolean, array, object, null)
          enum empty     | {"enum": []}                      | enum          | must be a non-empty array without repeated values
          enum repeated  | {"enum": [1, 1]}                  | enum          | must be a non-empty array without repeated values
          minimum        | {"minimum": "1"}                  | minimum       | must be a number, not the string "1"
          maximum        | {"maximum": true}                 | maximum       | must be a number, not the boolean true
          exclusiveMin   | {"minimum": 1, "exclusiveMinimum": 1} | exclusiveMinimum | must be a boolean (draft-04), not the integer 1
          multipleOf     | {"multipleOf": 0}                 | multipleOf    | must be a number greater than 0
          minLength      | {"minLength": -1}                 | minLength     | must be a non-negative integer, not the integer -1
          maxLength      | {"maxLength": 1.5}                | maxLength     | must be a non-negative integer, not the number 1.5
          pattern type   | {"pattern": 1}                    | pattern       | must be a string, not the integer 1
          pattern syntax | {"pattern": "["}                  | pattern       | is not a valid ECMA-262 regular expression
          items empty    | {"items": []}                     | items         | must be a schema or a non-empty array of schemas
          items type     | {"items": 1}                      | items         | must be a schema or a non-empty array of schemas
          additionalIt   | {"additionalItems": 1}            | additionalItems | must be true, false or a schema
          minItems       | {"minItems": -2}                  | minItems      | must be a non-negative integer, not the integer -2
          uniqueItems    | {"uniqueItems": "yes"}            | uniqueItems   | must be a boolean (draft-04), not the string "yes"
          required empty | {"required": []}                  | required      | must be a non-empty array of distinct strings
          required item  | {"required": [1]}                 | required.0    | must be a string, not the integer 1
          properties     | {"properties": {"a": 1}}          | properties.a  | must be an object (a JSON schema), not the integer 1
          patternProps   | {"patternProperties": {"^a": {"type": "x"}}} | patternProperties.^a.type | unknown type "x"; use one of string, integer, number, boolean, array, object, null
          additionalPr   | {"additionalProperties": "no"}    | additionalProperties | must be true, false or a schema
          minProperties  | {"minProperties": -1}             | minProperties | must be a non-negative integer, not the integer -1
          maxProperties  | {"maxProperties": "2"}            | maxProperties | must be a non-negative integer, not the string "2"
          dependencies   | {"dependencies": {"a": 1}}        | dependencies.a | must be a schema or a non-empty array of distinct property names
          allOf          | {"allOf": []}                     | allOf         | must be a non-empty array of schemas
          anyOf          | {"anyOf": {}}                     | anyOf         | must be a non-empty array of schemas
          oneOf          | {"oneOf": [1]}                    | oneOf.0       | must be an object (a JSON schema), not the integer 1
          not            | {"not": 1}                        | not           | must be an object (a JSON schema), not the integer 1
          $ref remote    | {"$ref": "http://example.org/s"}  | $ref          | must point inside the directive ("#/..."), not "http://example.org/s"
          """)
  void everyKeywordIsCheckedInDirectives(
      String keyword, String schema, String where, String wording) {
    assertThat(directiveProblems(schema)).containsExactly(where + ": " + wording);
  }

  @Test
  void theMetaSchemaDependenciesAreEnforced() {
    assertThat(directiveProblems("{\"exclusiveMinimum\": true}"))
        .containsExactly(": \"exclusiveMinimum\" needs \"minimum\" (draft-04)");
    assertThat(directiveProblems("{\"exclusiveMaximum\": false}"))
        .containsExactly(": \"exclusiveMaximum\" needs \"maximum\" (draft-04)");
    assertThat(directiveProblems("{\"minimum\": 0, \"exclusiveMinimum\": true}")).isEmpty();
  }

  /**
   * Draft-04 compares JSON values: two numbers are equal when their mathematical values are, inside
   * arrays and objects too (the library's own uniqueItems and enum compare Java nodes, for which 1
   * and 1.0 differ).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          `[1, 1.0]`
          `[1.5, 1.50]`
          `[[1], [1.0]]`
          `[{"a": 1, "b": [2]}, {"b": [2.0], "a": 1.0}]`
          `[100, 1e2]`
          """)
  void uniqueItemsRefusesEqualNumbersWrittenDifferently(String value) {
    assertThat(valueProblems("{\"uniqueItems\": true}", value))
        .containsExactly("has repeated items");
  }

  @Test
  void uniqueItemsKeepsValuesOfDifferentTypesApart() {
    assertThat(valueProblems("{\"uniqueItems\": true}", "[1, \"1\", true, 0, false, null, {}, []]"))
        .isEmpty();
    assertThat(valueProblems("{\"uniqueItems\": true}", "[{\"a\": 1}, {\"a\": 1, \"b\": 1}]"))
        .isEmpty();
  }

  @Test
  void enumComparesJsonValues() {
    assertThat(valueProblems("{\"enum\": [1]}", "1.0")).isEmpty();
    assertThat(valueProblems("{\"enum\": [{\"a\": [1]}]}", "{\"a\": [1.0]}")).isEmpty();
    assertThat(valueProblems("{\"enum\": [{\"a\": 1}]}", "{\"a\": 2}"))
        .containsExactly("{\"a\":2} is not one of [{\"a\":1}]");
  }

  @Test
  void theMetaSchemasUniqueItemsUseJsonEquality() {
    assertThat(directiveProblems("{\"enum\": [1, 1.0]}"))
        .containsExactly("enum: must be a non-empty array without repeated values");
    assertThat(directiveProblems("{\"required\": [\"a\", \"a\"]}"))
        .containsExactly("required: must be a non-empty array of distinct strings");
  }

  @Test
  void everyProblemOfADirectiveIsReportedNotOnlyTheFirst() {
    // The inline-flag check used to run only when the meta-schema found nothing.
    assertThat(directiveProblems("{\"pattern\": \"(?i)abc\", \"minLength\": -1}"))
        .containsExactly(
            "minLength: must be a non-negative integer, not the integer -1",
            "pattern: is not a valid ECMA-262 regular expression (no inline flags such as (?i))");
    // Two broken schemas in one anyOf branch: both, not only the deeper one.
    assertThat(
            directiveProblems(
                "{\"items\": [{\"type\": \"foo\"}, {\"items\": [{\"type\": \"bar\"}]}]}"))
        .containsExactly(
            "items.0.type: unknown type \"foo\"; use one of " + TYPES,
            "items.1.items.0.type: unknown type \"bar\"; use one of " + TYPES);
    // A pattern that is not a regular expression at all is one problem, not two.
    assertThat(directiveProblems("{\"pattern\": \"(?i)[a-\"}"))
        .containsExactly("pattern: is not a valid ECMA-262 regular expression");
  }

  private static final String TYPES = "string, integer, number, boolean, array, object, null";

  @Test
  void unknownKeywordsAndTheSpecsOptionalAreAllowed() {
    assertThat(directiveProblems("{\"type\": \"string\", \"optional\": true, \"x-note\": 1}"))
        .isEmpty();
  }

  /** ECMA-262, not java.util.regex: what Java accepts and ECMA does not (JSON strings). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          "(?i)abc"
          "a++"
          "a\\\\Z"
          "[a-z]*+"
          """)
  void patternsThatAreNotEcmaAreRefused(String pattern) {
    assertThat(directiveProblems("{\"pattern\": " + pattern + "}"))
        .singleElement()
        .asString()
        .startsWith("pattern: is not a valid ECMA-262 regular expression");
  }

  @Test
  void ecmaPatternsJavaWouldRefuseOrReadOtherwise() {
    // a{,3} is a literal in ECMA-262 (Annex B); java.util.regex refuses it.
    assertThat(directiveProblems("{\"pattern\": \"^a{,3}$\"}")).isEmpty();
    assertThat(valueProblems("{\"pattern\": \"^a{,3}$\"}", "\"a{,3}\"")).isEmpty();
    // $ is the end of the text in ECMA-262; in Java it also matches before a final line break.
    String phone = "{\"pattern\": \"^[0-9]{3}-[0-9]{4}$\"}";
    assertThat(valueProblems(phone, "\"555-5555\"")).isEmpty();
    assertThat(valueProblems(phone, "\"555-5555\\n\""))
        .containsExactly("\"555-5555\\n\" does not match the pattern ^[0-9]{3}-[0-9]{4}$");
    // Patterns are not anchored: a match anywhere counts.
    assertThat(valueProblems("{\"pattern\": \"b\"}", "\"abc\"")).isEmpty();
  }
}
