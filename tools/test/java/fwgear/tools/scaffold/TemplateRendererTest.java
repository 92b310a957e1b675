package fwgear.tools.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.problem.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
  private final TemplateRenderer renderer =
      new TemplateRenderer(Map.of("name", "say \"hi\" \\ <now> & then", "module", "zebra"));

  @Test
  void fillsPlaceholdersWithOrWithoutSpaces() {
    assertThat(renderer.renderPath("gears/{{module}}/{{ module }}.txt", "t"))
        .isEqualTo("gears/zebra/zebra.txt");
  }

  @Test
  void escapesValuesForJsonSoTheFileStaysValid() throws Exception {
    String json = renderer.renderFile("{\"description\": \"{{name}}\"}", "t", "manifest.json");

    assertThat(new ObjectMapper().readTree(json).path("description").asText())
        .isEqualTo("say \"hi\" \\ <now> & then");
  }

  @Test
  void escapesValuesForXmlAndBuildFiles() {
    assertThat(renderer.renderFile("<d>{{name}}</d>", "t", "pom.xml"))
        .isEqualTo("<d>say &quot;hi&quot; \\ &lt;now&gt; &amp; then</d>");
    assertThat(renderer.renderFile("x(name=\"{{name}}\")", "t", "BUILD"))
        .isEqualTo("x(name=\"say \\\"hi\\\" \\\\ <now> & then\")");
    assertThat(renderer.renderFile("# {{name}}", "t", "index.md"))
        .isEqualTo("# say \"hi\" \\ <now> & then");
  }

  @Test
  void reportsEveryUnknownPlaceholderWithItsLine() {
    assertThatThrownBy(() -> renderer.renderFile("a\n{{nope}}\n{{ other }}", "templates/x", "x.md"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "templates/x:2: nope: template-placeholder: unknown placeholder {{nope}}")
        .hasMessageContaining(
            "templates/x:3: other: template-placeholder: unknown placeholder {{other}}");
  }
}
