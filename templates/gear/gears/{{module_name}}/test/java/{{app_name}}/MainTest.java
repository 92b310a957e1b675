package {{app_name}};

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void aDryRunSaysSo() {
    assertThat(Main.run(true)).contains("dry run");
  }

  @Test
  void aRealRunReportsItsWork() {
    assertThat(Main.run(false)).doesNotContain("dry run").contains("done");
  }
}
