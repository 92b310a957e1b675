package fwgear.flywheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.Fault;
import fwgear.emulator.FlywheelEmulator;
import fwgear.plan.Applier;
import fwgear.plan.Change;
import fwgear.plan.Plan;
import fwgear.plan.Target;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An API key never reaches a log line or an error message, at any log level. */
class SecretsTest {
  private FlywheelEmulator server;
  private ListAppender<ILoggingEvent> logged;
  private Logger root;
  private Level previousLevel;

  @BeforeEach
  void start() throws IOException {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    previousLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    server = FlywheelEmulator.start(EmulatorOptions.inMemory());
  }

  @AfterEach
  void stop() {
    server.close();
    root.detachAppender(logged);
    root.setLevel(previousLevel);
  }

  record CreateGroup(String id) implements Change {
    public Target target() {
      return new Target("group", id);
    }

    public String describe() {
      return "create group " + id;
    }
  }

  @Test
  void theSecretIsInNoLogLineAndNoError() {
    String secret = server.apiKey().secret();
    ClientOptions fast =
        ClientOptions.defaults()
            .withMaxAttempts(3)
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    FlywheelClient client = FlywheelClient.connect(server.apiKey(), fast);
    List<Throwable> errors = new ArrayList<>();

    // Successes, retries, a dry run, and failures of every kind, all logged at TRACE.
    client.whoAmI();
    server.addFault(Fault.always("GET", "/api/groups/nacc", 503).limitedTo(1));
    client.getGroup("nacc");
    Applier<CreateGroup> applier =
        Applier.<CreateGroup>builder()
            .on(CreateGroup.class, c -> client.createGroup(c.id(), c.id()))
            .build();
    new Plan<>(List.of(new CreateGroup("dry"))).printOrApply(true, applier);
    new Plan<>(List.of(new CreateGroup("wet"))).printOrApply(false, applier);
    errors.add(catchThrowable(() -> client.createGroup("wet", "Wet")));
    errors.add(catchThrowable(() -> client.getProject("000000000000000000000000")));
    errors.add(catchThrowable(() -> client.findGroups("no-operator")));
    server.addFault(Fault.always("GET", "/api/roles", 503));
    errors.add(catchThrowable(client::roles));
    FlywheelClient wrongKey =
        FlywheelClient.connect(
            ApiKey.parse("127.0.0.1:" + server.port() + ":wrong-" + secret), fast);
    errors.add(catchThrowable(wrongKey::whoAmI));
    server.close();
    errors.add(catchThrowable(client::whoAmI));

    assertThat(errors).allSatisfy(e -> assertThat(e).isInstanceOf(FlywheelException.class));
    assertThat(errors)
        .extracting(Throwable::getMessage)
        .allSatisfy(message -> assertThat(message).doesNotContain(secret));
    assertThat(logged.list).isNotEmpty();
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .allSatisfy(line -> assertThat(line).doesNotContain(secret));
    assertThat(server.apiKey().toString()).doesNotContain(secret);
  }
}
