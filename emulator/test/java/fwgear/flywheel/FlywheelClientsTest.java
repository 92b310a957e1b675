package fwgear.flywheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.context.GearContext;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.engine.GearExecutionException;
import fwgear.parameters.SsmParameterStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /** A job's context: the manifest declares the api-key input and {@code apikey_path_prefix}. */
  private static GearContext context(Path base, String config, ApiKey key) throws IOException {
    Files.createDirectories(base);
    Files.writeString(
        base.resolve("manifest.json"),
        """
        {"name": "c", "version": "1.0.0", "label": "C", "description": "d", "author": "a",
         "maintainer": "m", "license": "MIT", "source": "", "url": "", "cite": "",
         "custom": {"gear-builder": {"category": "utility", "image": "c:1.0.0"}},
         "inputs": {"api-key": {"base": "api-key"}},
         "config": {"apikey_path_prefix": {"type": "string", "optional": true}}}
        """);
    Files.writeString(
        base.resolve("config.json"),
        "{\"config\": "
            + config
            + ", \"inputs\": {\"api-key\": {\"base\": \"api-key\", \"key\": \""
            + key.reveal()
            + "\"}}}");
    return GearContext.builder().baseDir(base).environment(awsEnvironment).open();
  }

  @Test
  void aContextsClientIsTheUsersUnlessTheConfigNamesAGearBotKey(@TempDir Path temp)
      throws Exception {
    ApiKey plain = server.apiKey("plain@test.example").orElseThrow();

    try (GearContext user = context(temp.resolve("user"), "{}", plain);
        GearContext bot =
            context(
                temp.resolve("bot"),
                "{\"apikey_path_prefix\": \" /prod/flywheel/gearbot\"}",
                plain)) {
      assertThat(user.client().whoAmI().id()).isEqualTo("plain@test.example");
      assertThat(user.client()).isSameAs(user.client());
      assertThat(bot.client().whoAmI().id()).isEqualTo("bot@test.example");
    }
  }

  @Test
  void aContextWithoutAnApiKeyHasNoClient(@TempDir Path temp) throws Exception {
    Files.writeString(temp.resolve("manifest.json"), MINIMAL_MANIFEST);
    try (GearContext context = GearContext.builder().baseDir(temp).environment(Map.of()).open()) {
      assertThatThrownBy(context::client)
          .isInstanceOf(GearExecutionException.class)
          .hasMessage("No Flywheel connection: the job has no api-key input");
    }
  }

  private static final String MINIMAL_MANIFEST =
      """
      {"name": "c", "version": "1.0.0", "label": "C", "description": "d", "author": "a",
       "maintainer": "m", "license": "MIT", "source": "", "url": "", "cite": "",
       "custom": {"gear-builder": {"category": "utility", "image": "c:1.0.0"}},
       "inputs": {}, "config": {}}
      """;

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
