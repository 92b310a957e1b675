package fwgear.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** The gear runtime's log lines, as logback's pattern wrote them, secrets masked. */
class GearLogTest {
  private static final LocalDateTime TIME = LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000);

  @Test
  void aLineHasTheToolkitsFormat() {
    assertThat(GearLog.format(TIME, Level.INFO, "project_app.Run", 0, "Made 3 projects", null))
        .isEqualTo("[2026-01-02 03:04:05,006 - INFO - project_app.Run] Made 3 projects");
    assertThat(GearLog.format(TIME, Level.DEBUG, "project_app.Run", 42, "x", null))
        .isEqualTo("[2026-01-02 03:04:05,006 - DEBUG - project_app.Run:42] x");
  }

  @Test
  void messagesAndStackTracesAreMasked() {
    Secrets.register("s3cr3t-for-the-log-test");
    String line =
        GearLog.format(
            TIME,
            Level.ERROR,
            "x",
            0,
            "key s3cr3t-for-the-log-test",
            new IllegalStateException("also s3cr3t-for-the-log-test"));

    assertThat(line)
        .doesNotContain("s3cr3t-for-the-log-test")
        .contains("java.lang.IllegalStateException")
        .contains("\tat fwgear.logging.GearLogTest");
  }

  @Test
  void debugIsOnlyForTheGearAndNeverForChattyLibraries() {
    try {
      GearLog.configure(true, System.out);
      assertThat(GearLog.enabled("project_app.Run", Level.DEBUG)).isTrue();
      assertThat(GearLog.enabled("software.amazon.awssdk.core", Level.DEBUG)).isFalse();
      assertThat(GearLog.enabled("project_app.Run", Level.TRACE)).isFalse();
      GearLog.configure(false, System.out);
      assertThat(GearLog.enabled("project_app.Run", Level.DEBUG)).isFalse();
      assertThat(GearLog.enabled("project_app.Run", Level.INFO)).isTrue();
    } finally {
      GearLog.configure(false, System.out);
    }
  }

  @Test
  void theTimeIsTheLocalTime() {
    java.time.LocalDateTime expected = java.time.LocalDateTime.now();
    assertThat(java.time.Duration.between(expected, GearLog.now()).abs())
        .isLessThan(java.time.Duration.ofSeconds(5));
  }

  @Test
  void utcIsKnownByItsNames() {
    assertThat(GearLog.isUtc("Etc/UTC")).isTrue();
    assertThat(GearLog.isUtc("UTC")).isTrue();
    assertThat(GearLog.isUtc("GMT")).isTrue();
    assertThat(GearLog.isUtc("Europe/Berlin")).isFalse();
    assertThat(GearLog.isUtc("GMT+1")).isFalse();
    // What it decided agrees with the JVM's own default zone now.
    int offset = java.util.TimeZone.getDefault().getOffset(System.currentTimeMillis());
    if (GearLog.SYSTEM_ZONE_IS_UTC) {
      assertThat(offset).isZero();
    }
  }
}
