package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode doc(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void equalityOnDottedKeys() throws Exception {
    JsonNode project = doc("{\"label\": \"ingest-form\", \"parents\": {\"group\": \"nacc\"}}");

    assertThat(Filter.parse("parents.group=nacc,label=ingest-form").matches(project)).isTrue();
    assertThat(Filter.parse("parents.group=other").matches(project)).isFalse();
    assertThat(Filter.parse("label!=ingest-form").matches(project)).isFalse();
    assertThat(Filter.parse("missing.key=x").matches(project)).isFalse();
  }

  @Test
  void regexMatchesAnywhereUnlessAnchored() throws Exception {
    JsonNode group = doc("{\"_id\": \"center-12\", \"tags\": [\"center\", \"active\"]}");

    assertThat(Filter.parse("_id=~enter").matches(group)).isTrue();
    assertThat(Filter.parse("_id=~^enter").matches(group)).isFalse();
    assertThat(Filter.parse("tags=~^act").matches(group)).isTrue();
  }

  @Test
  void arraysMatchWhenAnElementDoes() throws Exception {
    JsonNode group = doc("{\"tags\": [\"center\", \"active\"]}");

    assertThat(Filter.parse("tags=center").matches(group)).isTrue();
    assertThat(Filter.parse("tags!=center").matches(group)).isFalse();
    assertThat(Filter.parse("tags!=retired").matches(group)).isTrue();
  }

  @Test
  void comparisonsAreNumericForNumbersAndTextualOtherwise() throws Exception {
    JsonNode project =
        doc("{\"info\": {\"adcid\": 42}, \"created\": \"2026-01-02T00:00:00+00:00\"}");

    assertThat(Filter.parse("info.adcid>9").matches(project)).isTrue();
    assertThat(Filter.parse("info.adcid<100,info.adcid>=42").matches(project)).isTrue();
    assertThat(Filter.parse("info.adcid=42").matches(project)).isTrue();
    assertThat(Filter.parse("info.adcid<=41").matches(project)).isFalse();
    assertThat(Filter.parse("created>2026-01-01").matches(project)).isTrue();
    assertThat(Filter.parse("created<2025-12-31").matches(project)).isFalse();
  }

  @Test
  void anEscapedCommaBelongsToTheValue() throws Exception {
    JsonNode group = doc("{\"label\": \"Eight, the center\"}");

    assertThat(Filter.parse("label=Eight\\, the center").matches(group)).isTrue();
    // Unescaped, the comma splits the filter and " the center" is no condition.
    assertThatThrownBy(() -> Filter.parse("label=Eight, the center"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(422));
  }

  @Test
  void literalsAndQuotedStrings() throws Exception {
    JsonNode doc = doc("{\"disabled\": false, \"parent\": null, \"code\": \"42\"}");

    assertThat(Filter.parse("disabled=false").matches(doc)).isTrue();
    assertThat(Filter.parse("parent=null").matches(doc)).isTrue();
    assertThat(Filter.parse("code=\"42\"").matches(doc)).isTrue();
    assertThat(Filter.parse("code=42").matches(doc)).isTrue();
  }

  @Test
  void aQuotedValueIsForcedToAString() throws Exception {
    JsonNode doc =
        doc("{\"n\": 42, \"flag\": true, \"none\": null, \"code\": \"42\", \"word\": \"true\"}");

    assertThat(Filter.parse("n=\"42\"").matches(doc)).isFalse();
    assertThat(Filter.parse("n=42").matches(doc)).isTrue();
    assertThat(Filter.parse("flag=\"true\"").matches(doc)).isFalse();
    assertThat(Filter.parse("word=\"true\"").matches(doc)).isTrue();
    assertThat(Filter.parse("word=true").matches(doc)).isFalse();
    assertThat(Filter.parse("none=\"null\"").matches(doc)).isFalse();
    assertThat(Filter.parse("code=\"42\"").matches(doc)).isTrue();
    assertThat(Filter.parse("n>\"1\"").matches(doc)).isFalse();
    assertThat(Filter.parse("code>\"1\"").matches(doc)).isTrue();
  }

  @Test
  void aConditionWithoutOperatorIs422() {
    assertThatThrownBy(() -> Filter.parse("label"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(422));
    assertThatThrownBy(() -> Filter.parse("label=~(unclosed"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(422));
  }
}
