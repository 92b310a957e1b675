package fwgear.tools.buildfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.problem.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildFileParserTest {

  @Test
  void parsesCallsWithEveryKindOfValue() {
    String text =
        """
        # a comment
        docker_image(
            name='img',  # trailing comment
            image_tags=["0.1", 'latest',],
            labels={"a": 1, 'b': -2.5, "c": None},
            flags=(True, False),
            text=\"\"\"multi
        line\"\"\",
            joined="a" "b",
            escaped="q\\"x\\n",
        )
        file(name="m", source="manifest.json")
        """;

    List<BuildCall> calls = BuildFileParser.parse(text, "BUILD");

    assertThat(calls).hasSize(2);
    BuildCall image = calls.get(0);
    assertThat(image.function()).isEqualTo("docker_image");
    assertThat(image.line()).isEqualTo(2);
    assertThat(image.keywords().get("name")).isEqualTo("img");
    assertThat(image.keywords().get("image_tags")).isEqualTo(List.of("0.1", "latest"));
    @SuppressWarnings("unchecked")
    Map<Object, Object> labels = (Map<Object, Object>) image.keywords().get("labels");
    assertThat(labels)
        .containsEntry("a", 1L)
        .containsEntry("b", -2.5)
        .containsEntry("c", BuildValue.NONE);
    assertThat(image.keywords().get("flags")).isEqualTo(List.of(true, false));
    assertThat(image.keywords().get("text")).isEqualTo("multi\nline");
    assertThat(image.keywords().get("joined")).isEqualTo("ab");
    assertThat(image.keywords().get("escaped")).isEqualTo("q\"x\n");
    assertThat(image.lineOf("image_tags")).isEqualTo(4);
    assertThat(calls.get(1).line()).isEqualTo(12);
  }

  @Test
  void parsesDefaultsWithTargetTypeNamesAsKeys() {
    List<BuildCall> calls =
        BuildFileParser.parse(
            "__defaults__({(pex_binary, python_sources): dict(a=1)}, all=dict(tags=['x']))",
            "BUILD");

    Map<?, ?> byType = (Map<?, ?>) calls.get(0).positional().get(0);
    Object key = byType.keySet().iterator().next();
    assertThat(key)
        .isEqualTo(List.of(new BuildSymbol("pex_binary", 1), new BuildSymbol("python_sources", 1)));
    assertThat(((BuildCall) byType.get(key)).keywords()).containsEntry("a", 1L);
  }

  @Test
  void aSyntaxErrorNamesFileLineAndColumn() {
    assertThatThrownBy(
            () ->
                BuildFileParser.parse("file(name=\"a\")\nfile(name=\"b\" source=\"x\")", "x/BUILD"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "x/BUILD:2: build-syntax: column 15: expected ',' or ')' in the arguments of file");
  }

  @Test
  void anUnclosedStringOrBracketIsReportedWhereItStarts() {
    assertThatThrownBy(() -> BuildFileParser.parse("\n  file(name=\"a)\n", "BUILD"))
        .hasMessage("BUILD:2: build-syntax: column 13: string is never closed on its line");
    assertThatThrownBy(() -> BuildFileParser.parse("file(name=[\"a\"", "BUILD"))
        .hasMessage("BUILD:1: build-syntax: column 11: '[' is never closed");
  }

  @Test
  void onlyCallsAreAllowedAtTheTopLevel() {
    assertThatThrownBy(() -> BuildFileParser.parse("x = 1", "BUILD"))
        .hasMessageContaining("BUILD:1: build-syntax: column 1: expected a call");
  }

  @Test
  void aRepeatedKeywordIsAnError() {
    assertThatThrownBy(() -> BuildFileParser.parse("file(name='a', name='b')", "BUILD"))
        .hasMessageContaining("column 16: keyword argument repeated: name");
  }
}
