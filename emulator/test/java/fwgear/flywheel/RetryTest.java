package fwgear.flywheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.Fault;
import fwgear.emulator.FlywheelEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries under faults injected by the local server: bounded, and never a duplicate. */
class RetryTest {
  private static final ClientOptions FAST =
      ClientOptions.defaults()
          .withMaxAttempts(4)
          .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));

  private FlywheelEmulator server;
  private FlywheelClient client;

  @BeforeEach
  void start() throws IOException {
    server = FlywheelEmulator.start(EmulatorOptions.inMemory());
    client = FlywheelClient.connect(server.apiKey(), FAST);
    client.createGroup("retries", "Retries");
    server.requestLog().clear();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aCreateWhoseAnswerIsLostIsCheckedNotSentAgain() {
    server.addFault(Fault.always("POST", "/api/projects", 503).whenDone().limitedTo(1));

    String id = client.createProject("retries", "lost-answer", null);

    assertThat(
            client.findProjects(
                Filters.eq("parents.group", "retries"), Filters.eq("label", "lost-answer")))
        .extracting(Project::id)
        .containsExactly(id);
    assertThat(server.requestLog().count("POST", "/api/projects")).isEqualTo(1);
  }

  @Test
  void aCreateRefusedBeforeItRanIsSentAgainAndMadeOnce() {
    server.addFault(Fault.always("POST", "/api/projects", 503).limitedTo(2));

    String id = client.createProject("retries", "refused-twice", null);

    assertThat(client.groupProjects("retries")).extracting(Project::id).containsExactly(id);
    assertThat(server.requestLog().count("POST", "/api/projects")).isEqualTo(3);
  }

  @Test
  void rateLimitedRequestsAreRetried() {
    server.addFault(Fault.always("POST", "/api/groups", 429).limitedTo(2));

    assertThat(client.createGroup("limited", "Limited")).isEqualTo("limited");
    assertThat(server.requestLog().count("POST", "/api/groups")).isEqualTo(3);
    assertThat(client.findGroups(Filters.eq("_id", "limited"))).hasSize(1);
  }

  @Test
  void aTagAddedDespiteA502IsNotAddedTwice() {
    server.addFault(Fault.always("POST", "/api/groups/retries/tags", 502).whenDone().limitedTo(1));

    client.addGroupTag("retries", "once");

    assertThat(client.getGroup("retries").tags()).containsExactly("once");
    assertThat(server.requestLog().count("POST", "/api/groups/retries/tags")).isEqualTo(1);
  }

  @Test
  void readsSurviveAShareOfFailures() {
    server.addFault(new Fault(Optional.of("GET"), "/api/groups.*", 503, 0.5, 0, false, -1));
    FlywheelClient patient =
        FlywheelClient.connect(
            server.apiKey(),
            ClientOptions.defaults()
                .withMaxAttempts(20)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)));

    for (int i = 0; i < 20; i++) {
      assertThat(patient.findGroup("retries")).isPresent();
    }
    assertThat(server.requestLog().entries()).extracting(e -> e.status()).contains(503, 200);
  }

  @Test
  void retriesAreBoundedAndTheLastAnswerIsReported() {
    server.addFault(Fault.always("GET", "/api/groups/retries", 504));

    assertThatThrownBy(() -> client.getGroup("retries"))
        .isInstanceOfSatisfying(
            FlywheelException.class,
            e -> {
              assertThat(e.status()).isEqualTo(504);
              assertThat(e.path()).isEqualTo("/api/groups/retries");
              assertThat(e.serverMessage()).contains("Injected fault");
            });
    assertThat(server.requestLog().count("GET", "/api/groups/retries")).isEqualTo(4);
  }

  @Test
  void aJobIsNotResentAfterAnUnclearAnswer() {
    Gear gear = client.findGear("echo").orElseThrow();
    String project = client.createProject("retries", "jobs", null);
    server.addFault(Fault.always("POST", "/api/jobs/add", 503).whenDone().limitedTo(1));

    assertThatThrownBy(
            () ->
                client.addJob(
                    new JobRequest(
                        gear.id(),
                        java.util.Map.of(),
                        new JobRequest.Container("project", project),
                        java.util.Map.of(),
                        List.of(),
                        null)))
        .isInstanceOfSatisfying(
            FlywheelException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(server.requestLog().count("POST", "/api/jobs/add")).isEqualTo(1);
  }

  @Test
  void aServerThatIsNotThereGivesStatusZeroAfterTheRetries() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    FlywheelClient nowhere =
        FlywheelClient.connect(ApiKey.parse("127.0.0.1:" + freePort + ":secret-xyz"), FAST);

    assertThatThrownBy(nowhere::whoAmI)
        .isInstanceOfSatisfying(
            FlywheelException.class,
            e -> {
              assertThat(e.status()).isZero();
              assertThat(e.getMessage())
                  .contains("connection refused")
                  .doesNotContain("secret-xyz");
            });
  }

  @Test
  void aSlowAnswerTimesOut() {
    server.addFault(new Fault(Optional.of("GET"), "/api/users/self", 0, 1.0, 1500, false, -1));
    FlywheelClient impatient =
        FlywheelClient.connect(
            server.apiKey(), FAST.withRequestTimeout(Duration.ofMillis(200)).withMaxAttempts(2));

    assertThatThrownBy(impatient::whoAmI)
        .isInstanceOfSatisfying(
            FlywheelException.class,
            e -> assertThat(e.getMessage()).contains("HttpTimeoutException"));
  }
}
