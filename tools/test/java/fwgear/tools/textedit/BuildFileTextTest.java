package fwgear.tools.textedit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildFileTextTest {

  @Test
  void findsCallsTheirNamesAndImageTagsWithSpans() {
    String text =
        "# a comment with docker_image(\nfile(name='manifest', source=\"manifest.json\")\n"
            + "docker_image(\n  name=\"zebra\",  # (\n  dependencies=[\":manifest\", \"x:bin\"],\n"
            + "  image_tags=('1.0.0', \"latest\",),\n)\n";

    List<BuildFileText.Call> calls = BuildFileText.calls(text);

    assertThat(calls).extracting(BuildFileText.Call::type).containsExactly("file", "docker_image");
    BuildFileText.Call image = calls.get(1);
    assertThat(image.name())
        .get()
        .extracting(BuildFileText.StringLiteral::value)
        .isEqualTo("zebra");
    assertThat(image.imageTags())
        .extracting(BuildFileText.StringLiteral::value)
        .containsExactly("1.0.0", "latest");
    BuildFileText.StringLiteral tag = image.imageTags().get(0);
    assertThat(text.substring(tag.start(), tag.end())).isEqualTo("'1.0.0'");
    assertThat(tag.quote()).isEqualTo("'");
  }

  @Test
  void anUnclosedCallIsAnError() {
    assertThatThrownBy(() -> BuildFileText.calls("docker_image(name=\"x\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unclosed");
  }
}
