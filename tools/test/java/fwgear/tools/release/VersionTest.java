package fwgear.tools.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {
  private static Version v(String text) {
    return Version.parse(text).orElseThrow();
  }

  @Test
  void ordersBySemverPrecedence() {
    assertThat(v("0.0.2")).isGreaterThan(v("0.0.1"));
    assertThat(v("0.10.0")).isGreaterThan(v("0.9.9"));
    assertThat(v("1.0.0")).isGreaterThan(v("1.0.0-rc.2"));
    assertThat(v("1.0.0-rc.10")).isGreaterThan(v("1.0.0-rc.2"));
    assertThat(v("1.0.0-rc")).isGreaterThan(v("1.0.0-1"));
    assertThat(v("1.0")).isEqualByComparingTo(v("1.0.0"));
  }

  @Test
  void raisesEachKindAsNpmDoes() {
    assertThat(v("1.2.3").next(Version.Kind.PATCH).text()).isEqualTo("1.2.4");
    assertThat(v("1.2.3").next(Version.Kind.MINOR).text()).isEqualTo("1.3.0");
    assertThat(v("1.2.3").next(Version.Kind.MAJOR).text()).isEqualTo("2.0.0");
    assertThat(v("1.2.3-rc.1").next(Version.Kind.PATCH).text()).isEqualTo("1.2.3");
    assertThat(v("2.0.0-rc.1").next(Version.Kind.MAJOR).text()).isEqualTo("2.0.0");
    assertThat(v("1.2").next(Version.Kind.PATCH).text()).isEqualTo("1.2.1");
  }

  @Test
  void rejectsWhatIsNoVersion() {
    assertThat(Version.parse("latest")).isEmpty();
    assertThat(Version.parse("1.0.0 beta")).isEmpty();
    assertThat(Version.parse("v1.0.0")).isEmpty();
  }
}
