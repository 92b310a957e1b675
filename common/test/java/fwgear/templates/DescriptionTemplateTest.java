package fwgear.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cases of Python's string.Template.substitute, which the seed used. */
class DescriptionTemplateTest {
  private static final Map<String, String> VALUES =
      Map.of("adrc", "Alpha Center", "project_id", "64ab", "site", "https://fw.example");

  @Test
  void bothSpellingsAreReplacedAndDollarDollarIsADollar() {
    assertThat(
            new DescriptionTemplate("Ingest for $adrc (${project_id}) at ${site}/x costs $$5")
                .substitute(VALUES))
        .isEqualTo("Ingest for Alpha Center (64ab) at https://fw.example/x costs $5");
    assertThat(new DescriptionTemplate("$adrc_x").variables()).containsExactly("adrc_x");
    assertThat(new DescriptionTemplate("${adrc}_x").substitute(VALUES)).isEqualTo("Alpha Center_x");
    assertThat(new DescriptionTemplate("no variables").substitute(Map.of()))
        .isEqualTo("no variables");
  }

  @Test
  void unknownVariablesAreNamedWithTheirPlace() {
    DescriptionTemplate text =
        new DescriptionTemplate("Center $adrc\nlead: $director, ${director}");

    assertThat(text.problems(TemplateCopy.VARIABLES))
        .containsExactly(
            "unknown variable $director (known: $adrc, $project_id, $site) at line 2, column 7");
    assertThatThrownBy(() -> text.substitute(VALUES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$director");
  }

  @Test
  void aMalformedDollarIsAProblem() {
    assertThat(new DescriptionTemplate("costs $5").problems(TemplateCopy.VARIABLES))
        .containsExactly(
            "malformed placeholder '$5' (write $$ for a dollar sign) at line 1, column 7");
    assertThat(new DescriptionTemplate("end $").problems(TemplateCopy.VARIABLES)).hasSize(1);
    assertThat(new DescriptionTemplate("${adrc").problems(TemplateCopy.VARIABLES)).hasSize(1);
    assertThat(new DescriptionTemplate("${}").problems(TemplateCopy.VARIABLES)).hasSize(1);
  }
}
