package metadata_app;

import fwgear.engine.GearExecutionException;
import fwgear.parameters.ParameterStore;
import fwgear.parameters.ParameterStoreException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.InvalidObjectStateException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The tables' bucket, through the AWS SDK v2 S3 client (the seed's {@code get_s3_client}): its
 * credentials and region are the SSM parameters {@code accesskey}, {@code secretkey} and {@code
 * region} under the configured path; {@code AWS_ENDPOINT_URL_S3} (or {@code AWS_ENDPOINT_URL}) in
 * the environment points it at another endpoint, such as the local Flywheel's S3, path-style.
 */
final class S3Tables implements AutoCloseable {
  static final List<String> PARAMETERS = List.of("accesskey", "secretkey", "region");

  /** A table that cannot be read: missing or archived. The message names table and bucket. */
  static final class TableUnavailable extends Exception {
    TableUnavailable(String message) {
      super(message);
    }
  }

  private final S3Client s3;
  private final String bucket;

  S3Tables(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /**
   * A client for {@code bucket} with the credentials under {@code parameterPath}.
   *
   * @throws GearExecutionException naming the path and the parameters missing there
   */
  static S3Tables connect(
      ParameterStore store, String parameterPath, String bucket, Map<String, String> environment)
      throws GearExecutionException {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      store
          .getByPath(parameterPath)
          .forEach((name, value) -> values.put(name.substring(name.lastIndexOf('/') + 1), value));
    } catch (ParameterStoreException e) {
      throw new GearExecutionException(
          "cannot read the S3 credentials under " + parameterPath + ": " + e.getMessage(), e);
    }
    List<String> missing =
        PARAMETERS.stream().filter(p -> values.getOrDefault(p, "").isBlank()).toList();
    if (!missing.isEmpty()) {
      throw new GearExecutionException(
          "no S3 credentials: the parameter store has no "
              + String.join(", ", missing)
              + " under "
              + parameterPath);
    }
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(values.get("region").strip()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        values.get("accesskey").strip(), values.get("secretkey").strip())))
            // S3-compatible servers need not know the newer default checksums.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    String endpoint = firstSet(environment, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
    }
    try {
      return new S3Tables(builder.build(), bucket);
    } catch (SdkException e) {
      throw new GearExecutionException("cannot set up the S3 client: " + e.getMessage(), e);
    }
  }

  /**
   * The table's bytes, streamed (the caller closes the stream).
   *
   * @throws TableUnavailable when the object does not exist or is archived
   * @throws GearExecutionException when the bucket does not exist or S3 cannot be reached
   */
  InputStream open(String key) throws TableUnavailable, GearExecutionException {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new TableUnavailable("File " + key + " not found in bucket " + bucket);
    } catch (InvalidObjectStateException e) {
      throw new TableUnavailable(
          "File " + key + " in bucket " + bucket + " is archived (" + e.getMessage() + ")");
    } catch (NoSuchBucketException e) {
      throw new GearExecutionException("S3 has no bucket " + bucket);
    } catch (SdkException e) {
      throw new GearExecutionException(
          "cannot read " + key + " from bucket " + bucket + ": " + e.getMessage(), e);
    }
  }

  private static String firstSet(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  @Override
  public void close() {
    s3.close();
  }
}
