package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The SSM operations through the real AWS SDK v2 client, signed with the emulator's key pair. */
class SsmSdkTest {
  private static FlywheelEmulator server;
  private static SsmClient ssm;

  @BeforeAll
  static void start() throws IOException {
    server = FlywheelEmulator.start(EmulatorOptions.inMemory());
    ssm = client(server.awsCredentials().secretAccessKey());
  }

  private static SsmClient client(String secret) {
    return SsmClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(server.baseUrl().toString()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(server.awsCredentials().accessKeyId(), secret)))
        .build();
  }

  @AfterAll
  static void stop() {
    ssm.close();
    server.close();
  }

  @Test
  void aSecureStringIsEncryptedAtRestAndPlainOnlyWithDecryption() {
    ssm.putParameter(b -> b.name("/t/secret").type(ParameterType.SECURE_STRING).value("hunter2"));

    String stored = server.store().get("ssm", "/t/secret").orElseThrow().toString();
    String hidden = ssm.getParameter(b -> b.name("/t/secret")).parameter().value();
    String shown =
        ssm.getParameter(b -> b.name("/t/secret").withDecryption(true)).parameter().value();

    assertThat(stored).doesNotContain("hunter2");
    assertThat(hidden).doesNotContain("hunter2");
    assertThat(new String(java.util.Base64.getDecoder().decode(hidden))).doesNotContain("hunter2");
    assertThat(shown).isEqualTo("hunter2");
  }

  @Test
  void versionsOverwriteAndSelectors() {
    ssm.putParameter(b -> b.name("/t/v").type(ParameterType.STRING).value("one"));
    assertThatThrownBy(() -> ssm.putParameter(b -> b.name("/t/v").value("two")))
        .isInstanceOf(ParameterAlreadyExistsException.class);
    long version = ssm.putParameter(b -> b.name("/t/v").value("two").overwrite(true)).version();

    assertThat(version).isEqualTo(2);
    assertThat(ssm.getParameter(b -> b.name("/t/v:1")).parameter().value()).isEqualTo("one");
    assertThat(ssm.getParameter(b -> b.name("/t/v")).parameter().value()).isEqualTo("two");
    assertThat(ssm.getParameterHistory(b -> b.name("/t/v")).parameters())
        .extracting(p -> p.value())
        .containsExactly("one", "two");
    assertThat(
            ssm.describeParameters(
                    b -> b.parameterFilters(f -> f.key("Name").option("BeginsWith").values("/t/v")))
                .parameters())
        .extracting(p -> p.name())
        .containsExactly("/t/v");

    ssm.deleteParameter(b -> b.name("/t/v"));
    assertThatThrownBy(() -> ssm.getParameter(b -> b.name("/t/v")))
        .isInstanceOf(ParameterNotFoundException.class);
  }

  @Test
  void pathsPageAndRefuseBadNames() {
    for (int i = 0; i < 12; i++) {
      int n = i;
      ssm.putParameter(b -> b.name("/p/a/" + n).type(ParameterType.STRING).value("v" + n));
    }
    ssm.putParameter(b -> b.name("/p/a/deep/x").type(ParameterType.STRING).value("x"));

    assertThat(ssm.getParametersByPathPaginator(b -> b.path("/p/a").maxResults(5)).stream())
        .hasSize(3); // pages of 5, 5 and 2
    assertThat(
            ssm.getParametersByPathPaginator(b -> b.path("/p/a").maxResults(5)).stream()
                .mapToInt(page -> page.parameters().size())
                .sum())
        .isEqualTo(12);
    assertThat(
            ssm.getParametersByPathPaginator(b -> b.path("/p").recursive(true)).stream()
                .mapToInt(page -> page.parameters().size())
                .sum())
        .isEqualTo(13);
    assertThatThrownBy(
            () ->
                ssm.getParameters(
                    b -> b.names("/a", "/b", "/c", "/d", "/e", "/f", "/g", "/h", "/i", "/j", "/k")))
        .isInstanceOf(SsmException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo("ValidationException"));
    assertThatThrownBy(() -> ssm.getParameter(b -> b.name("/has space")))
        .isInstanceOf(SsmException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo("ValidationException"));
    assertThatThrownBy(
            () -> ssm.putParameter(b -> b.name("/aws/x").type(ParameterType.STRING).value("v")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("ValidationException"));
  }

  private static String code(Throwable e) {
    return ((SsmException) e).awsErrorDetails().errorCode();
  }

  @Test
  void aWrongSecretIsRefused() {
    try (SsmClient wrong = client("wrong")) {
      assertThatThrownBy(() -> wrong.getParameter(b -> b.name("/prod/flywheel/gearbot/apikey")))
          .isInstanceOf(SsmException.class)
          .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidSignatureException"));
    }
  }
}
