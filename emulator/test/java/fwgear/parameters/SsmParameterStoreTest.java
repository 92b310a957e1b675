package fwgear.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real AWS SDK SSM client against the local server's SSM endpoint. */
class SsmParameterStoreTest {
  private static FlywheelEmulator server;
  private static SsmParameterStore store;

  @BeforeAll
  static void start() throws IOException, URISyntaxException {
    Path seed = Path.of(SsmParameterStoreTest.class.getResource("/fwgear/test-seed.yaml").toURI());
    server = FlywheelEmulator.start(EmulatorOptions.inMemory().withSeedFile(seed));
    store = SsmParameterStore.fromEnvironment(environment(server));
  }

  static Map<String, String> environment(FlywheelEmulator server) {
    return Map.of(
        "AWS_DEFAULT_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", server.awsCredentials().accessKeyId(),
        "AWS_SECRET_ACCESS_KEY", server.awsCredentials().secretAccessKey(),
        "AWS_ENDPOINT_URL_SSM", server.baseUrl().toString());
  }

  @AfterAll
  static void stop() {
    store.close();
    server.close();
  }

  @Test
  void readsADecryptedSecureString() {
    assertThat(store.get("/prod/flywheel/gearbot/apikey"))
        .contains("127.0.0.1:" + server.port() + ":test-bot-key");
    assertThat(server.requestLog().count("POST", "/")).isPositive();
  }

  @Test
  void aMissingParameterIsEmpty() {
    assertThat(store.get("/prod/flywheel/nothing-here")).isEmpty();
  }

  @Test
  void readsTheParametersDirectlyUnderAPath() {
    assertThat(store.getByPath("/prod/flywheel/gearbot"))
        .containsOnlyKeys("/prod/flywheel/gearbot/apikey", "/prod/flywheel/gearbot/region")
        .containsEntry("/prod/flywheel/gearbot/region", "us-east-1");
  }

  @Test
  void theGenericEndpointVariableWorksToo() {
    try (SsmParameterStore generic =
        SsmParameterStore.fromEnvironment(
            Map.of(
                "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", server.awsCredentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", server.awsCredentials().secretAccessKey(),
                "AWS_ENDPOINT_URL", server.baseUrl().toString()))) {
      assertThat(generic.get("/prod/flywheel/gearbot/region")).contains("us-east-1");
    }
  }

  @Test
  void aWrongSecretIsRefused() {
    try (SsmParameterStore wrong =
        SsmParameterStore.fromEnvironment(
            Map.of(
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                server.awsCredentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY",
                "not-the-secret",
                "AWS_ENDPOINT_URL_SSM",
                server.baseUrl().toString()))) {
      assertThatThrownBy(() -> wrong.get("/prod/flywheel/gearbot/apikey"))
          .isInstanceOf(ParameterStoreException.class)
          .hasMessageContaining("signature");
    }
  }

  @Test
  void anUnknownAccessKeyIsRefused() {
    try (SsmParameterStore unknown =
        SsmParameterStore.fromEnvironment(
            Map.of(
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                "AKIANOTKNOWN",
                "AWS_SECRET_ACCESS_KEY",
                server.awsCredentials().secretAccessKey(),
                "AWS_ENDPOINT_URL_SSM",
                server.baseUrl().toString()))) {
      assertThatThrownBy(() -> unknown.get("/prod/flywheel/gearbot/apikey"))
          .isInstanceOf(ParameterStoreException.class)
          .hasMessageContaining("security token");
    }
  }

  @Test
  void anUnreachableEndpointIsAParameterStoreException() {
    try (SsmParameterStore unreachable =
        SsmParameterStore.fromEnvironment(
            Map.of(
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                server.awsCredentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY",
                server.awsCredentials().secretAccessKey(),
                "AWS_ENDPOINT_URL_SSM",
                "http://127.0.0.1:1"))) {
      assertThatThrownBy(() -> unreachable.get("/x"))
          .isInstanceOf(ParameterStoreException.class)
          .hasMessageContaining("/x");
    }
  }
}
