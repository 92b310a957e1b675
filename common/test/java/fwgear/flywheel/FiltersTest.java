package fwgear.flywheel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiltersTest {
  @Test
  void aCommaInAValueIsEscaped() {
    assertThat(Filters.eq("label", "Eight, the center")).isEqualTo("label=Eight\\, the center");
    assertThat(Filters.matches("tags", "^a,b$")).isEqualTo("tags=~^a\\,b$");
    assertThat(Filters.notEq("state", "failed")).isEqualTo("state!=failed");
  }
}
