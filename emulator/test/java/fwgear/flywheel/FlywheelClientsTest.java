package fwgear.flywheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.engine.GearExecutionException;
import fwgear.parameters.SsmParameterStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's client factories: the job user's client, and the gear bot's from SSM. */
class FlywheelClientsTest {
  private static FlywheelEmulator server;
  private static Map<String, String> awsEnvironment;

  @BeforeAll
  static void start() throws IOException, URISyntaxException {
    Path seed = Path.of(FlywheelClientsTest.class.getResource("/fwgear/test-seed.yaml").toURI());
    server = FlywheelEmulator.start(EmulatorOptions.inMemory().withSeedFile(seed));
    awsEnvironment =
        Map.of(
            "AWS_DEFAULT_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", server.awsCredentials().accessKeyId(),
            "AWS_SECRET_ACCESS_KEY", server.awsCredentials().secretAccessKey(),
            "AWS_ENDPOINT_URL_SSM", server.baseUrl().toString());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static fwgear.engine.BotClientFactory<FlywheelClient> bot() {
    return FlywheelClients.bot(
        () -> SsmParameterStore.fromEnvironment(awsEnvironment), ClientOptions.defaults());
  }

  @Test
  void theUserClientActsAsTheJobsUser() throws GearExecutionException {
    ApiKey plain = server.apiKey("plain@test.example").orElseThrow();

    assertThat(FlywheelClients.user().create(plain).whoAmI().id()).isEqualTo("plain@test.example");
  }

  @Test
  void theBotClientUsesTheKeyFromTheParameterStore() throws GearExecutionException {
    FlywheelClient bot = bot().create(server.apiKey(), "/prod/flywheel/gearbot");

    assertThat(bot.whoAmI().id()).isEqualTo("bot@test.example");
  }

  @Test
  void aBotKeyForAnotherHostIsRefused() {
    assertThatThrownBy(() -> bot().create(server.apiKey(), "/elsewhere"))
        .isInstanceOf(GearExecutionException.class)
        .hasMessageContaining("fw.example.org")
        .hasMessageContaining("refusing")
        .hasMessageNotContaining("foreign-secret");
  }

  @Test
  void aMissingBotKeyIsAClearError() {
    assertThatThrownBy(() -> bot().create(server.apiKey(), "/nowhere/"))
        .isInstanceOf(GearExecutionException.class)
        .hasMessageContaining("/nowhere/apikey");
  }

  @Test
  void aMalformedBotKeyIsReportedWithoutItsValue() {
    assertThatThrownBy(() -> bot().create(server.apiKey(), "/broken"))
        .isInstanceOf(GearExecutionException.class)
        .hasMessageContaining("/broken/apikey")
        .hasMessageNotContaining("no-colon-here");
  }
}
