package fwgear.manifest;

import static fwgear.manifest.ManifestFixtures.document;
import static fwgear.manifest.ManifestFixtures.edited;
import static fwgear.manifest.ManifestFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestValidatorTest {

  @Test
  void aManifestUsingEveryFeatureHasNoProblem() {
    assertThat(ManifestValidator.validate(document("valid.json"))).isEmpty();
  }

  @Test
  void reportsEveryProblemOfAFileAtOnceWithLineKeyAndRule() {
    List<Problem> problems = ManifestValidator.validate(document("broken.json"));

    assertThat(problems)
        .extracting(Problem::line, Problem::key, Problem::rule)
        .containsExactly(
            tuple(1, "author", "manifest-required-key"),
            tuple(2, "name", "manifest-name-pattern"),
            tuple(5, "version", "manifest-type"),
            tuple(6, "license", "manifest-license"),
            tuple(7, "url", "manifest-uri"),
            tuple(9, "environment.A", "manifest-environment-value"),
            tuple(10, "homepage", "manifest-unknown-key"),
            tuple(12, "config.speed.default", "config-default-invalid"),
            tuple(13, "config.both", "config-default-and-optional"),
            tuple(14, "config.kind.type", "config-directive-schema"),
            tuple(15, "config.limit", "config-directive-schema"),
            tuple(15, "config.limit.exclusiveMaximum", "config-directive-schema"),
            tuple(18, "inputs.ctx.optional", "input-key-not-allowed"),
            tuple(19, "inputs.key.read-only", "input-key-type"),
            tuple(20, "inputs.dicom.type", "input-directive-schema"),
            tuple(21, "inputs.what.base", "input-base"));
    // A default that breaks its own directive is a warning: draft-04 defaults are annotations.
    assertThat(problems)
        .filteredOn(p -> !p.isError())
        .extracting(Problem::rule)
        .containsExactly("config-default-invalid");
    assertThat(problems.get(3).format())
        .isEqualTo(
            "broken.json:6: license: manifest-license: \"mit\" is not a license the gear spec allows"
                + " (did you mean \"MIT\"? licenses are case-sensitive)");
    assertThat(problems.get(7).message()).contains("5 is greater than the maximum of 3");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "author",
        "config",
        "description",
        "inputs",
        "label",
        "license",
        "name",
        "source",
        "url",
        "version"
      })
  void eachOfTheTenKeysIsRequired(String key) {
    assertThat(rules(edited(m -> m.remove(key)))).containsExactly(key + " manifest-required-key");
  }

  @Test
  void emptyConfigAndInputsAndOnlyRequiredKeysAreEnough() {
    LocatedDocument minimal =
        LocatedDocument.parseJson(
            """
            {"name": "a", "label": "A", "description": "", "version": "0", "author": "me",
             "license": "Other", "url": "", "source": "", "config": {}, "inputs": {}}
            """,
            "m.json");
    assertThat(ManifestValidator.validate(minimal)).isEmpty();
  }

  @Test
  void rejectsAManifestThatIsNotAnObject() {
    assertThat(rules(LocatedDocument.parseJson("[1]", "m.json")))
        .containsExactly(" manifest-not-object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"under_score", "Upper", "dot.ted", "sp ace", ""})
  void theNameHasOnlyLowerCaseLettersDigitsAndHyphens(String name) {
    assertThat(rules(edited(m -> m.put("name", name))))
        .containsExactly("name manifest-name-pattern");
  }

  @Test
  void lengthsAreLimited() {
    assertThat(rules(edited(m -> m.put("name", "a".repeat(101)))))
        .containsExactly("name manifest-max-length");
    assertThat(rules(edited(m -> m.put("name", "a".repeat(100))))).isEmpty();
    assertThat(rules(edited(m -> m.put("label", "L".repeat(101)))))
        .containsExactly("label manifest-max-length");
    assertThat(rules(edited(m -> m.put("author", "L".repeat(101)))))
        .containsExactly("author manifest-max-length");
    assertThat(rules(edited(m -> m.put("maintainer", "L".repeat(101)))))
        .containsExactly("maintainer manifest-max-length");
    assertThat(rules(edited(m -> m.put("version", "1".repeat(101)))))
        .containsExactly("version manifest-max-length");
    assertThat(rules(edited(m -> m.put("description", "d".repeat(5001)))))
        .containsExactly("description manifest-max-length");
    assertThat(rules(edited(m -> m.put("description", "d".repeat(5000))))).isEmpty();
    assertThat(rules(edited(m -> m.put("cite", "c".repeat(5001)))))
        .containsExactly("cite manifest-max-length");
    assertThat(rules(edited(m -> m.put("url", "https://x.org/" + "p".repeat(1000)))))
        .containsExactly("url manifest-max-length");
  }

  @Test
  void stringKeysMustBeStrings() {
    assertThat(rules(edited(m -> m.put("version", 1)))).containsExactly("version manifest-type");
    assertThat(rules(edited(m -> m.putArray("command").add("/bin/run"))))
        .containsExactly("command manifest-type");
    assertThat(rules(edited(m -> m.put("custom", "x")))).containsExactly("custom manifest-type");
    assertThat(rules(edited(m -> m.put("config", "x")))).containsExactly("config manifest-type");
    assertThat(rules(edited(m -> m.putArray("inputs")))).containsExactly("inputs manifest-type");
  }

  @Test
  void theLicenseIsOneOfTheSpecsListCaseSensitive() {
    assertThat(rules(edited(m -> m.put("license", "MIT")))).isEmpty();
    assertThat(rules(edited(m -> m.put("license", "Flywheel MSA")))).isEmpty();
    assertThat(rules(edited(m -> m.put("license", "Other")))).isEmpty();
    assertThat(rules(edited(m -> m.put("license", "mit"))))
        .containsExactly("license manifest-license");
    assertThat(rules(edited(m -> m.put("license", "WTFPL"))))
        .containsExactly("license manifest-license");
    // Not a string: one problem saying so, not a second that 1 is not in the list.
    assertThat(rules(edited(m -> m.put("license", 1)))).containsExactly("license manifest-type");
    assertThat(JsonSchemas.manifestSchemaNode().at("/properties/license/enum")).hasSize(101);
  }

  @Test
  void urlAndSourceAreEmptyOrAnAbsoluteUri() {
    assertThat(rules(edited(m -> m.put("source", "https://example.org/x")))).isEmpty();
    assertThat(rules(edited(m -> m.put("source", "")))).isEmpty();
    assertThat(rules(edited(m -> m.put("source", "example.org/x"))))
        .containsExactly("source manifest-uri");
    assertThat(rules(edited(m -> m.put("url", "not a uri")))).containsExactly("url manifest-uri");
  }

  @Test
  void unknownTopLevelKeysAreRejected() {
    assertThat(rules(edited(m -> m.put("foo", 1)))).containsExactly("foo manifest-unknown-key");
    assertThat(rules(edited(m -> m.putObject("output_configuration")))).isEmpty();
  }

  @Test
  void environmentValuesAreStrings() {
    assertThat(rules(edited(m -> ((ObjectNode) m.get("environment")).put("N", 1))))
        .containsExactly("environment.N manifest-environment-value");
    assertThat(rules(edited(m -> m.put("environment", "PATH=/bin"))))
        .containsExactly("environment manifest-type");
  }

  @Test
  void capabilitiesAreStringsAndUnknownOnesAreWarned() {
    assertThat(rules(edited(m -> m.putArray("capabilities").add(1))))
        .containsExactly("capabilities.0 manifest-type");
    List<Problem> problems =
        ManifestValidator.validate(edited(m -> m.putArray("capabilities").add("gpu")));
    assertThat(problems).extracting(Problem::rule).containsExactly("manifest-capability-unknown");
    assertThat(problems.get(0).isError()).isFalse();
  }

  @Test
  void theGearBuilderImageIsAString() {
    assertThat(
            rules(edited(m -> ((ObjectNode) m.get("custom").get("gear-builder")).put("image", 1))))
        .containsExactly("custom.gear-builder.image manifest-type");
  }

  @Test
  void configDirectivesAreValidDraft04Schemas() {
    assertThat(directive("{\"type\": \"foo\"}"))
        .containsExactly("config.x.type config-directive-schema");
    assertThat(directive("{\"type\": \"string\", \"description\": 5}"))
        .containsExactly("config.x.description config-directive-schema");
    assertThat(directive("{\"type\": \"integer\", \"minimum\": \"0\"}"))
        .containsExactly("config.x.minimum config-directive-schema");
    assertThat(directive("{\"type\": \"string\", \"enum\": []}"))
        .containsExactly("config.x.enum config-directive-schema");
    assertThat(directive("{\"type\": \"number\", \"exclusiveMinimum\": 1}"))
        .containsExactly(
            "config.x config-directive-schema",
            "config.x.exclusiveMinimum config-directive-schema");
    assertThat(directive("{\"type\": \"string\", \"maxLength\": -1}"))
        .containsExactly("config.x.maxLength config-directive-schema");
    assertThat(directive("{\"type\": \"string\", \"pattern\": \"[a-\"}"))
        .containsExactly("config.x.pattern config-directive-schema");
    assertThat(directive("{\"type\": \"array\", \"items\": {\"type\": \"bar\"}}"))
        .containsExactly("config.x.items.type config-directive-schema");
    assertThat(directive("5")).containsExactly("config.x config-directive-schema");
  }

  @Test
  void aDirectiveHasADefaultOrIsOptionalNeverBoth() {
    assertThat(directive("{\"type\": \"integer\", \"default\": 1, \"optional\": true}"))
        .containsExactly("config.x config-default-and-optional");
    assertThat(directive("{\"type\": \"integer\", \"default\": 1, \"optional\": false}"))
        .containsExactly("config.x config-default-and-optional");
    assertThat(directive("{\"type\": \"integer\", \"optional\": true}")).isEmpty();
  }

  @Test
  void everyProblemOfOneDirectiveIsReportedInLineOrderOnce() {
    LocatedDocument manifest =
        LocatedDocument.parseJson(
            """
            {"name": "a", "label": "A", "description": "", "version": "0", "author": "me",
             "license": "Other", "url": "", "source": "", "inputs": {},
             "config": {
               "code": {
                 "type": "string",
                 "pattern": "(?i)^[a-z]+$",
                 "minLength": -1,
                 "default": "abc"
               },
               "later": {"type": "strin"}
             }}
            """,
            "manifest.json");

    assertThat(ManifestValidator.validate(manifest))
        .extracting(Problem::format)
        .containsExactly(
            "manifest.json:6: config.code.pattern: config-directive-schema: not a valid draft-04"
                + " schema: is not a valid ECMA-262 regular expression (no inline flags such as"
                + " (?i))",
            "manifest.json:7: config.code.minLength: config-directive-schema: not a valid draft-04"
                + " schema: must be a non-negative integer, not the integer -1",
            "manifest.json:10: config.later.type: config-directive-schema: not a valid draft-04"
                + " schema: unknown type \"strin\"; use one of string, integer, number, boolean,"
                + " array, object, null");
  }

  @Test
  void aFileInputDirectiveReportsEveryProblem() {
    assertThat(
            input(
                "{\"base\": \"file\", \"name\": {\"pattern\": \"(?i)\\\\.dcm$\"},"
                    + " \"size\": {\"maximum\": \"big\"}, \"type\": {\"enum\": [1, 1.0]}}"))
        .containsExactly(
            "inputs.x.name.pattern input-directive-schema",
            "inputs.x.size.maximum input-directive-schema",
            "inputs.x.type.enum input-directive-schema");
  }

  @Test
  void aKeyGivenTwiceIsAnErrorNamingBothLines() {
    var manifest =
        fwgear.json.LocatedDocument.parseJson(
            "{\n  \"name\": \"a\",\n  \"name\": \"b\"\n}", "manifest.json");

    assertThat(ManifestValidator.validate(manifest))
        .filteredOn(p -> p.rule().equals("duplicate-key"))
        .extracting(Problem::format)
        .containsExactly(
            "manifest.json:3: name: duplicate-key: appears more than once in its mapping, on line 2"
                + " and again on line 3; only one may be given");
  }

  @Test
  void eachDefaultSatisfiesItsOwnDirective() {
    assertThat(directive("{\"type\": \"integer\", \"default\": \"abc\"}"))
        .containsExactly("config.x.default config-default-invalid");
    assertThat(directive("{\"type\": \"integer\", \"default\": 1.5}"))
        .containsExactly("config.x.default config-default-invalid");
    assertThat(directive("{\"type\": \"string\", \"enum\": [\"a\"], \"default\": \"b\"}"))
        .containsExactly("config.x.default config-default-invalid");
    assertThat(
            directive(
                "{\"type\": \"number\", \"maximum\": 1, \"exclusiveMaximum\": true, \"default\": 1}"))
        .containsExactly("config.x.default config-default-invalid");
    assertThat(directive("{\"type\": \"string\", \"minLength\": 2, \"default\": \"a\"}"))
        .containsExactly("config.x.default config-default-invalid");
    assertThat(directive("{\"type\": \"string\", \"pattern\": \"^a+$\", \"default\": \"b\"}"))
        .containsExactly("config.x.default config-default-invalid");
    assertThat(
            directive(
                "{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"default\": [1, \"2\"]}"))
        .containsExactly("config.x.default.1 config-default-invalid");
    assertThat(directive("{\"type\": \"integer\", \"minimum\": 1, \"default\": 1}")).isEmpty();
  }

  @Test
  void configTypesOutsideTheSpecsListAreWarnings() {
    List<Problem> problems = ManifestValidator.validate(withDirective("{\"type\": \"object\"}"));
    assertThat(problems).extracting(Problem::rule).containsExactly("config-type-unsupported");
    assertThat(problems).noneMatch(Problem::isError);
    problems = ManifestValidator.validate(withDirective("{\"default\": 1}"));
    assertThat(problems).extracting(Problem::rule).containsExactly("config-type-missing");
    assertThat(problems).noneMatch(Problem::isError);
    problems =
        ManifestValidator.validate(withDirective("{\"type\": \"string\", \"optional\": \"yes\"}"));
    assertThat(problems).extracting(Problem::rule).containsExactly("config-optional-type");
    assertThat(problems).noneMatch(Problem::isError);
  }

  @Test
  void inputsAreFileContextOrApiKey() {
    assertThat(input("{\"description\": \"no base\"}")).containsExactly("inputs.x input-base");
    assertThat(input("{\"base\": \"string\"}")).containsExactly("inputs.x.base input-base");
    assertThat(input("\"file\"")).containsExactly("inputs.x manifest-type");
  }

  @Test
  void fileInputsMayBeOptionalAndHaveSchemaDirectives() {
    assertThat(input("{\"base\": \"file\", \"optional\": true, \"type\": {\"enum\": [\"dicom\"]}}"))
        .isEmpty();
    assertThat(input("{\"base\": \"file\", \"optional\": \"yes\"}"))
        .containsExactly("inputs.x.optional input-key-type");
    assertThat(input("{\"base\": \"file\", \"type\": \"dicom\"}"))
        .containsExactly("inputs.x.type input-directive-schema");
    assertThat(input("{\"base\": \"file\", \"size\": {\"maximum\": \"big\"}}"))
        .containsExactly("inputs.x.size.maximum input-directive-schema");
    assertThat(input("{\"base\": \"file\", \"description\": 3}"))
        .containsExactly("inputs.x.description input-key-type");
  }

  @Test
  void contextInputsHaveOnlyADescription() {
    assertThat(input("{\"base\": \"context\", \"description\": \"d\"}")).isEmpty();
    assertThat(input("{\"base\": \"context\", \"optional\": true}"))
        .containsExactly("inputs.x.optional input-key-not-allowed");
    assertThat(input("{\"base\": \"context\", \"type\": {\"enum\": [\"a\"]}}"))
        .containsExactly("inputs.x.type input-key-not-allowed");
  }

  @Test
  void apiKeyInputsHaveADescriptionAndReadOnly() {
    assertThat(input("{\"base\": \"api-key\", \"read-only\": true, \"description\": \"d\"}"))
        .isEmpty();
    assertThat(input("{\"base\": \"api-key\", \"optional\": true}"))
        .containsExactly("inputs.x.optional input-key-not-allowed");
    assertThat(input("{\"base\": \"api-key\", \"read-only\": \"yes\"}"))
        .containsExactly("inputs.x.read-only input-key-type");
  }

  @Test
  void inputNamesOutsideTheRecommendedCharactersAreWarned() {
    List<Problem> problems =
        ManifestValidator.validate(
            edited(
                m -> ((ObjectNode) m.get("inputs")).set("my file", json("{\"base\": \"file\"}"))));
    assertThat(problems).extracting(Problem::rule).containsExactly("input-name");
    assertThat(problems).noneMatch(Problem::isError);
  }

  private static List<String> directive(String directive) {
    return rules(withDirective(directive));
  }

  private static LocatedDocument withDirective(String directive) {
    return edited(m -> ((ObjectNode) m.get("config")).set("x", json(directive)));
  }

  private static List<String> input(String input) {
    return rules(edited(m -> ((ObjectNode) m.get("inputs")).set("x", json(input))));
  }

  private static List<String> rules(LocatedDocument manifest) {
    return ManifestValidator.validate(manifest).stream()
        .map(p -> p.key() + " " + p.rule())
        .toList();
  }
}
