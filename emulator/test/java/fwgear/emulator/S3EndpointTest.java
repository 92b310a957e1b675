package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.parameters.SsmParameterStore;
import fwgear.problem.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 endpoint (s3proxy) through the real AWS SDK v2 client, on its own free port. */
class S3EndpointTest {
  @TempDir Path temp;

  static S3Client client(FlywheelEmulator server, AwsCredentialsProvider credentials) {
    return S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.US_EAST_1)
        .endpointOverride(server.s3().orElseThrow().endpoint())
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(credentials)
        .build();
  }

  static S3Client client(FlywheelEmulator server) {
    AwsCredentials aws = server.awsCredentials();
    return client(
        server,
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey())));
  }

  @Test
  void objectsGoInAndOutSignedWithTheEmulatorsKeyPair() throws IOException {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory().withS3(0));
        S3Client s3 = client(server)) {
      assertThat(server.s3().orElseThrow().port()).isPositive().isNotEqualTo(server.port());
      assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains("nacc-metadata");

      s3.createBucket(b -> b.bucket("tables"));
      s3.putObject(
          b -> b.bucket("tables").key("a/visits.csv"), RequestBody.fromString("ADCID\r\n12\r\n"));
      byte[] back = s3.getObjectAsBytes(b -> b.bucket("tables").key("a/visits.csv")).asByteArray();

      assertThat(new String(back, StandardCharsets.UTF_8)).isEqualTo("ADCID\r\n12\r\n");
      assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("tables").key("none.csv")))
          .isInstanceOf(NoSuchKeyException.class);
    }
  }

  @Test
  void unsignedAndWronglySignedRequestsAreRefused() throws IOException {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory().withS3(0));
        S3Client anonymous = client(server, AnonymousCredentialsProvider.create());
        S3Client wrong =
            client(
                server,
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        server.awsCredentials().accessKeyId(), "not-the-secret")))) {
      assertThatThrownBy(anonymous::listBuckets)
          .isInstanceOf(S3Exception.class)
          .extracting(e -> ((S3Exception) e).statusCode())
          .isEqualTo(403);
      assertThatThrownBy(wrong::listBuckets)
          .isInstanceOf(S3Exception.class)
          .extracting(e -> ((S3Exception) e).statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void theAwsEnvironmentNamesTheEndpointAndSsmHoldsTheSameKeyPair() throws IOException {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory().withS3(0))) {
      Map<String, String> env = server.awsEnvironment();
      assertThat(env)
          .containsEntry("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + server.s3().get().port());

      try (SsmParameterStore ssm = SsmParameterStore.fromEnvironment(env)) {
        assertThat(ssm.getByPath("/prod/flywheel/gearbot/s3"))
            .containsEntry(
                "/prod/flywheel/gearbot/s3/accesskey", server.awsCredentials().accessKeyId())
            .containsEntry(
                "/prod/flywheel/gearbot/s3/secretkey", server.awsCredentials().secretAccessKey())
            .containsEntry("/prod/flywheel/gearbot/s3/region", "us-east-1");
      }
    }
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      assertThat(server.s3()).isEmpty();
      assertThat(server.awsEnvironment()).doesNotContainKey("AWS_ENDPOINT_URL_S3");
    }
  }

  @Test
  void aDataFolderKeepsObjectsAcrossRestartsAndTheSeedPutsItsObjectsOnce() throws IOException {
    Path table = temp.resolve("visits.csv");
    Files.writeString(table, "SITE\nAlpha ADRC (ADC 12)\n");
    Path seed = temp.resolve("seed.yaml");
    Files.writeString(
        seed,
        String.join(
            "\n",
            "users:",
            "  - {id: admin@x.org, api_key: k1, site_admin: true}",
            "s3:",
            "  - bucket: metadata",
            "    objects:",
            "      - {key: centers.csv, content: \"ADCID\\n12\\n\"}",
            "      - {key: t/visits.csv, file: visits.csv}",
            ""));
    Path data = temp.resolve("data");
    EmulatorOptions options =
        new EmulatorOptions(0, java.util.Optional.of(data), java.util.Optional.of(seed)).withS3(0);
    try (FlywheelEmulator server = FlywheelEmulator.start(options);
        S3Client s3 = client(server)) {
      assertThat(s3.getObjectAsBytes(b -> b.bucket("metadata").key("t/visits.csv")).asUtf8String())
          .isEqualTo("SITE\nAlpha ADRC (ADC 12)\n");
      s3.putObject(b -> b.bucket("metadata").key("centers.csv"), RequestBody.fromString("ADCID\n"));
    }
    assertThat(data.resolve(S3Server.FOLDER).resolve("metadata")).isDirectory();
    try (FlywheelEmulator server = FlywheelEmulator.start(options);
        S3Client s3 = client(server)) {
      // Not seeded again: the object written before the restart is still there.
      assertThat(s3.getObjectAsBytes(b -> b.bucket("metadata").key("centers.csv")).asUtf8String())
          .isEqualTo("ADCID\n");
    }
  }

  @Test
  void aBadS3SectionNamesItsLines() throws IOException {
    Path seed = temp.resolve("seed.yaml");
    Files.writeString(
        seed,
        String.join(
            "\n",
            "users:",
            "  - {id: admin@x.org, api_key: k1, site_admin: true}",
            "s3:",
            "  - bucket: Bad_Bucket",
            "  - bucket: good-bucket",
            "    objects:",
            "      - {key: a.csv}",
            "      - {key: b.csv, file: missing.csv}",
            ""));
    EmulatorOptions options =
        new EmulatorOptions(0, java.util.Optional.empty(), java.util.Optional.of(seed)).withS3(0);
    assertThatThrownBy(() -> FlywheelEmulator.start(options).close())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(":4:")
        .hasMessageContaining("Bad_Bucket")
        .hasMessageContaining(":7:")
        .hasMessageContaining(":8:")
        .hasMessageContaining("missing.csv");
  }

  @Test
  void aTakenS3PortIsABindError() throws IOException {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      EmulatorOptions options = EmulatorOptions.inMemory().withS3(taken.getLocalPort());
      assertThatThrownBy(() -> FlywheelEmulator.start(options).close())
          .isInstanceOf(java.net.BindException.class);
    }
    // The endpoint URI is what the SDK is given.
    assertThat(URI.create("http://127.0.0.1:1").getPort()).isEqualTo(1);
  }
}
