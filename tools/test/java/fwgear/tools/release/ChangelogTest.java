package fwgear.tools.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChangelogTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

  @Test
  void movesTheUnreleasedEntriesUnderTheNewVersion() {
    String before =
        "# Changelog\n\n## Unreleased\n\n* Fixed a thing.\n* Added another.\n\n## 0.0.1 - 2026-01-01\n\n* First.\n";

    Changelog.Release release = Changelog.release(before, "0.0.2", DAY);

    assertThat(release.text())
        .isEqualTo(
            "# Changelog\n\n## Unreleased\n\n## 0.0.2 - 2026-11-27\n\n* Fixed a thing.\n* Added another.\n\n## 0.0.1 - 2026-01-01\n\n* First.\n");
    assertThat(release.hadEntries()).isTrue();
  }

  @Test
  void saysWhenThereWasNothingToRelease() {
    Changelog.Release release =
        Changelog.release("# Changelog\n\n## [Unreleased]\n\n## 0.0.1 - x\n", "0.0.2", DAY);

    assertThat(release.hadEntries()).isFalse();
    assertThat(release.text()).contains("## [Unreleased]\n\n## 0.0.2 - 2026-11-27\n\n## 0.0.1 - x");
  }

  @Test
  void startsAnUnreleasedSectionWhenThereIsNone() {
    Changelog.Release release = Changelog.release("# Changelog\n\n## 0.0.1 - x\n", "0.0.2", DAY);

    assertThat(release.hadUnreleased()).isFalse();
    assertThat(release.text())
        .isEqualTo("# Changelog\n\n## Unreleased\n\n## 0.0.2 - 2026-11-27\n\n## 0.0.1 - x\n");
  }
}
