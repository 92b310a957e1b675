package fwgear.manifest;

import static fwgear.manifest.ManifestFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The light path never disagrees with the library: a directive it calls simple has no issues for
 * the library either, a value it calls satisfied has no violations for the library, and what it
 * cannot pass goes to the library, so the problems are the library's, worded as before.
 */
class SimpleSchemasTest {
  /** Directives of the subset, as the gears write them. */
  private static final List<String> SIMPLE =
      List.of(
          "{\"type\": \"boolean\", \"default\": false, \"description\": \"dry run\"}",
          "{\"type\": \"string\", \"pattern\": \"^\\\\S+$\", \"default\": \"nacc\"}",
          "{\"type\": \"string\", \"pattern\": \"^[0-9]+$\"}",
          "{\"type\": \"string\", \"pattern\": \"^/\\\\S+$\", \"default\": \"/prod/flywheel\"}",
          "{\"type\": \"string\", \"pattern\": \"^[^/\\\\s]+\\\\.ya?ml$\"}",
          "{\"type\": \"string\", \"pattern\": \"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$\"}",
          "{\"type\": \"string\", \"pattern\": \"^(?:a|bc)*x{2,}?$\"}",
          "{\"type\": \"string\", \"minLength\": 1, \"maxLength\": 5}",
          "{\"type\": \"string\", \"optional\": true}",
          "{\"type\": \"string\", \"enum\": [\"a\", \"b\"]}",
          "{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 10, \"exclusiveMaximum\": true}",
          "{\"type\": [\"integer\", \"null\"], \"minimum\": -3}",
          "{\"type\": \"number\", \"maximum\": 3}",
          "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"type\": \"string\", \"minLength\": 1}}",
          "{\"type\": \"array\", \"uniqueItems\": true, \"maxItems\": 2}",
          "{\"title\": \"no type at all\"}");

  /** Directives outside the subset: the library decides (some are invalid, some are not). */
  private static final List<String> NOT_SIMPLE =
      List.of(
          "{\"type\": \"strin\"}",
          "{\"type\": []}",
          "{\"type\": [\"string\", \"string\"]}",
          "{\"enum\": []}",
          "{\"enum\": [1, 1.0]}",
          "{\"minLength\": -1}",
          "{\"minLength\": 1.5}",
          "{\"exclusiveMinimum\": true}",
          "{\"minimum\": 0.5}",
          "{\"pattern\": \"(?i)abc\"}",
          "{\"pattern\": \"[\"}",
          "{\"pattern\": \"a{2,1}\"}",
          "{\"pattern\": \"a**\"}",
          "{\"pattern\": \"[a[b]]\"}",
          "{\"pattern\": \"[a&&b]\"}",
          "{\"pattern\": \"[]\"}",
          "{\"pattern\": \"a{\"}",
          "{\"pattern\": \"\\\\bword\"}",
          "{\"pattern\": \"(?=a)\"}",
          "{\"pattern\": \"[z-a]\"}",
          "{\"description\": 3}",
          "{\"items\": [{\"type\": \"string\"}]}",
          "{\"properties\": {\"a\": {\"type\": \"string\"}}}",
          "{\"$ref\": \"#/definitions/x\"}",
          "{\"format\": \"email\"}",
          "[]");

  private static final List<String> VALUES =
      List.of(
          "false",
          "true",
          "\"nacc\"",
          "\"\"",
          "\"with space\"",
          "\"a\\nb\"",
          "\"nacc\\n\"",
          "\"/prod/x\"",
          "\"users.yaml\"",
          "\"users.yml\"",
          "\"a/b.yaml\"",
          "\"my-bucket.1\"",
          "\"-bad\"",
          "\"xx\"",
          "\"abcxxx\"",
          "\"\u00e9t\u00e9\"",
          "\"\\u00a0\"",
          "\"\ud83d\ude00\"",
          "\"abcdef\"",
          "\"a\"",
          "\"c\"",
          "0",
          "10",
          "9",
          "-3",
          "-4",
          "3",
          "3.0",
          "2.5",
          "null",
          "[]",
          "[\"a\"]",
          "[\"\"]",
          "[\"a\", \"a\"]",
          "[\"a\", \"b\", \"c\"]",
          "[1]",
          "{}",
          "12345678901234567890");

  @Test
  void aSimpleDirectiveIsValidForTheLibraryToo() {
    for (String text : SIMPLE) {
      JsonNode directive = json(text);
      assertThat(SimpleSchemas.isSimple(directive)).as(text).isTrue();
      assertThat(JsonSchemas.libraryIssues(directive)).as(text).isEmpty();
    }
  }

  @Test
  void whatIsNotSimpleIsLeftToTheLibrary() {
    for (String text : NOT_SIMPLE) {
      JsonNode directive = json(text);
      assertThat(SimpleSchemas.isSimple(directive)).as(text).isFalse();
      assertThat(JsonSchemas.schemaIssues(directive))
          .as(text)
          .isEqualTo(JsonSchemas.libraryIssues(directive));
    }
    assertThat(JsonSchemas.schemaIssues(json("{\"type\": \"strin\"}")))
        .extracting(JsonSchemas.SchemaIssue::message)
        .containsExactly(
            "unknown type \"strin\"; use one of string, integer, number, boolean, array, object,"
                + " null");
  }

  @Test
  void aValueItPassesTheLibraryPassesAndEveryOtherCheckIsTheLibrarys() {
    int passed = 0;
    for (String directiveText : SIMPLE) {
      JsonNode directive = json(directiveText);
      for (String valueText : VALUES) {
        JsonNode value = json(valueText);
        List<JsonSchemas.Violation> library = JsonSchemas.libraryCheck(directive, value);
        if (SimpleSchemas.satisfies(directive, value)) {
          passed++;
          assertThat(library).as(directiveText + " with " + valueText).isEmpty();
        }
        assertThat(JsonSchemas.check(directive, value))
            .as(directiveText + " with " + valueText)
            .isEqualTo(library);
      }
    }
    // The light path does the work for most of these pairs, not the library.
    assertThat(passed).isGreaterThan(100);
  }

  @Test
  void patternsAreSearchedAsEcmaScriptDoes() {
    JsonNode noSpace = json("{\"type\": \"string\", \"pattern\": \"^\\\\S+$\"}");
    // java.util.regex's $ also matches before a final line break; ECMA-262's does not.
    assertThat(SimpleSchemas.satisfies(noSpace, json("\"nacc\\n\""))).isFalse();
    assertThat(JsonSchemas.violations(noSpace, json("\"nacc\\n\"")))
        .containsExactly("\"nacc\\n\" does not match the pattern ^\\S+$");
    // Not anchored: a match anywhere in the value counts.
    JsonNode digits = json("{\"type\": \"string\", \"pattern\": \"[0-9]\"}");
    assertThat(SimpleSchemas.satisfies(digits, json("\"abc1\""))).isTrue();
  }
}
