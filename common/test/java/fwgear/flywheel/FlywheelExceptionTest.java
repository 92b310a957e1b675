package fwgear.flywheel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlywheelExceptionTest {
  @Test
  void theMessageNamesMethodPathStatusAndServerMessage() {
    FlywheelException e =
        new FlywheelException("POST", "/api/groups", 409, "Group nacc already exists");

    assertThat(e.getMessage())
        .isEqualTo("Flywheel POST /api/groups failed: HTTP 409: Group nacc already exists");
    assertThat(e.isConflict()).isTrue();
    assertThat(e.isNotFound()).isFalse();
  }

  @Test
  void noAnswerIsStatusZero() {
    FlywheelException e = new FlywheelException("GET", "/api/users/self", 0, "connection refused");

    assertThat(e.getMessage()).contains("no answer: connection refused");
  }
}
