package {{app_name}};

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void aDryRunSaysSoAndNamesTheSite() {
    assertThat(Main.run("flywheel.example.org", true))
        .contains("dry run")
        .contains("flywheel.example.org");
  }

  @Test
  void aRealRunReportsItsWork() {
    assertThat(Main.run("flywheel.example.org", false)).doesNotContain("dry run").contains("done");
  }
}
