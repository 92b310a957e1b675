package fwgear.manifest;

import static fwgear.manifest.ManifestFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigDirectiveTest {

  private static ConfigDirective directive(String schema) {
    return new ConfigDirective("x", json(schema));
  }

  @Test
  void readsTypeOptionalDefaultAndDescription() {
    ConfigDirective d =
        directive("{\"type\": \"integer\", \"default\": 2, \"description\": \"speed\"}");
    assertThat(d.type()).contains("integer");
    assertThat(d.optional()).isFalse();
    assertThat(d.defaultValue()).contains(json("2"));
    assertThat(d.description()).contains("speed");
    assertThat(directive("{\"optional\": true}").optional()).isTrue();
    assertThat(directive("{\"optional\": true}").type()).isEmpty();
  }

  @Test
  void checksTheType() {
    ConfigDirective integer = directive("{\"type\": \"integer\"}");
    assertThat(integer.check(json("3"))).isEmpty();
    assertThat(integer.check(json("3.5")))
        .containsExactly("expected an integer but got the number 3.5");
    assertThat(integer.check(json("\"3\"")))
        .containsExactly("expected an integer but got the string \"3\"");
    assertThat(directive("{\"type\": \"number\"}").check(json("3"))).isEmpty();
    assertThat(directive("{\"type\": \"boolean\"}").check(json("\"true\""))).hasSize(1);
    assertThat(directive("{\"type\": \"string\"}").check(json("1"))).hasSize(1);
    assertThat(directive("{\"type\": \"array\"}").check(json("{}"))).hasSize(1);
    assertThat(directive("{\"type\": [\"string\", \"null\"]}").check(json("null"))).isEmpty();
  }

  @Test
  void checksEnum() {
    ConfigDirective mode = directive("{\"type\": \"string\", \"enum\": [\"fast\", \"slow\"]}");
    assertThat(mode.check(json("\"fast\""))).isEmpty();
    assertThat(mode.check(json("\"medium\"")))
        .containsExactly("\"medium\" is not one of [\"fast\",\"slow\"]");
    assertThat(directive("{\"enum\": [1, 2]}").check(json("1.0"))).isEmpty();
  }

  @Test
  void checksMinimumAndMaximumInclusiveAndExclusive() {
    ConfigDirective range = directive("{\"type\": \"number\", \"minimum\": 0, \"maximum\": 3}");
    assertThat(range.check(json("0"))).isEmpty();
    assertThat(range.check(json("3"))).isEmpty();
    assertThat(range.check(json("-1"))).containsExactly("-1 is less than the minimum of 0");
    assertThat(range.check(json("3.5"))).containsExactly("3.5 is greater than the maximum of 3");
    ConfigDirective open =
        directive(
            "{\"type\": \"number\", \"minimum\": 0, \"maximum\": 3, \"exclusiveMinimum\": true,"
                + " \"exclusiveMaximum\": true}");
    assertThat(open.check(json("0")))
        .containsExactly("0 is less than or equal to the minimum of 0");
    assertThat(open.check(json("3")))
        .containsExactly("3 is greater than or equal to the maximum of 3");
    assertThat(open.check(json("2.9"))).isEmpty();
    assertThat(directive("{\"multipleOf\": 0.5}").check(json("1.25"))).hasSize(1);
  }

  @Test
  void checksLengthAndPattern() {
    ConfigDirective text =
        directive(
            "{\"type\": \"string\", \"minLength\": 2, \"maxLength\": 4, \"pattern\": \"^[a-z]+$\"}");
    assertThat(text.check(json("\"abc\""))).isEmpty();
    assertThat(text.check(json("\"a\""))).containsExactly("is shorter than 2 characters (1)");
    assertThat(text.check(json("\"abcde\""))).containsExactly("is longer than 4 characters (5)");
    assertThat(text.check(json("\"AB\"")))
        .containsExactly("\"AB\" does not match the pattern ^[a-z]+$");
    // Patterns are not anchored, as in JSON Schema.
    assertThat(directive("{\"pattern\": \"b\"}").check(json("\"abc\""))).isEmpty();
    // Lengths count characters, not UTF-16 units.
    assertThat(directive("{\"maxLength\": 1}").check(json("\"\\uD83D\\uDE00\""))).isEmpty();
  }

  @Test
  void checksItemsAndArraySize() {
    ConfigDirective list =
        directive(
            "{\"type\": \"array\", \"items\": {\"type\": \"integer\", \"minimum\": 0},"
                + " \"minItems\": 1, \"maxItems\": 3, \"uniqueItems\": true}");
    assertThat(list.check(json("[1, 2]"))).isEmpty();
    assertThat(list.check(json("[1, \"2\", -1]")))
        .containsExactly(
            "1: expected an integer but got the string \"2\"",
            "2: -1 is less than the minimum of 0");
    assertThat(list.check(json("[]"))).containsExactly("has fewer than 1 items (0)");
    assertThat(list.check(json("[1, 2, 3, 4]"))).containsExactly("has more than 3 items (4)");
    assertThat(list.check(json("[1, 1]"))).containsExactly("has repeated items");
  }

  @Test
  void parsesCommandLineTextByTheDeclaredType() {
    assertThat(directive("{\"type\": \"integer\"}").parse("42")).isEqualTo(json("42"));
    assertThat(directive("{\"type\": \"number\"}").parse("2.5")).isEqualTo(json("2.5"));
    assertThat(directive("{\"type\": \"number\"}").parse("2").isIntegralNumber()).isTrue();
    assertThat(directive("{\"type\": \"boolean\"}").parse("true")).isEqualTo(json("true"));
    assertThat(directive("{\"type\": \"boolean\"}").parse("False")).isEqualTo(json("false"));
    assertThat(directive("{\"type\": \"string\"}").parse("42")).isEqualTo(json("\"42\""));
    assertThat(directive("{\"type\": \"array\"}").parse("[1, \"a\"]"))
        .isEqualTo(json("[1, \"a\"]"));
    assertThat(directive("{}").parse("{\"a\": 1}")).isEqualTo(json("{\"a\": 1}"));
    assertThat(directive("{}").parse("hello world")).isEqualTo(json("\"hello world\""));
    assertThat(directive("{\"type\": [\"integer\", \"string\"]}").parse("x"))
        .isEqualTo(json("\"x\""));
  }

  @Test
  void refusesTextThatIsNotOfTheDeclaredType() {
    assertThatThrownBy(() -> directive("{\"type\": \"integer\"}").parse("4.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"4.5\" is not an integer as config \"x\" declares");
    assertThatThrownBy(() -> directive("{\"type\": \"boolean\"}").parse("yes"))
        .hasMessageContaining("a boolean (true or false)");
    assertThatThrownBy(() -> directive("{\"type\": \"array\"}").parse("1,2"))
        .hasMessageContaining("a JSON array");
    assertThatThrownBy(() -> directive("{\"type\": \"array\"}").parse("[1] x"))
        .hasMessageContaining("a JSON array");
    assertThatThrownBy(() -> directive("{\"type\": \"number\"}").parse("abc"))
        .hasMessageContaining("a number");
  }
}
