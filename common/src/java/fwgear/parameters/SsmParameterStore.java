package fwgear.parameters;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The AWS SSM parameter store through the AWS SDK v2, values decrypted. Region and credentials come
 * from the standard AWS environment; {@code AWS_ENDPOINT_URL_SSM} (or {@code AWS_ENDPOINT_URL})
 * points it at another endpoint, such as the local Flywheel server.
 */
public final class SsmParameterStore implements ParameterStore, AutoCloseable {
  private final SsmClient ssm;

  private SsmParameterStore(SsmClient ssm) {
    this.ssm = ssm;
  }

  /** A store over an SSM client made elsewhere; closing the store closes the client. */
  public static SsmParameterStore of(SsmClient ssm) {
    return new SsmParameterStore(ssm);
  }

  /** A store configured from this process's environment. */
  public static SsmParameterStore fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * A store configured from these environment variables: {@code AWS_REGION} or {@code
   * AWS_DEFAULT_REGION}; {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} (else the
   * SDK's default credential chain: profiles, container and instance roles); {@code
   * AWS_ENDPOINT_URL_SSM} or {@code AWS_ENDPOINT_URL}.
   *
   * @throws ParameterStoreException when no region is set anywhere
   */
  public static SsmParameterStore fromEnvironment(Map<String, String> env) {
    SsmClientBuilder builder =
        SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    String region = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
    builder.region(region != null ? Region.of(region) : defaultRegion());
    builder.credentialsProvider(credentials(env));
    String endpoint = firstSet(env, "AWS_ENDPOINT_URL_SSM", "AWS_ENDPOINT_URL");
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
    try {
      return new SsmParameterStore(builder.build());
    } catch (SdkException e) {
      throw new ParameterStoreException(
          "cannot set up the parameter store client: " + e.getMessage(), e);
    }
  }

  /** The SDK's chain: the aws.region property, the profile, instance metadata. */
  private static Region defaultRegion() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkException e) {
      throw new ParameterStoreException(
          "no AWS region for the parameter store: set AWS_REGION or AWS_DEFAULT_REGION", e);
    }
  }

  private static AwsCredentialsProvider credentials(Map<String, String> env) {
    String id = firstSet(env, "AWS_ACCESS_KEY_ID");
    String secret = firstSet(env, "AWS_SECRET_ACCESS_KEY");
    if (id != null && secret != null) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret));
    }
    return DefaultCredentialsProvider.builder().build();
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
  public Optional<String> get(String name) {
    try {
      return Optional.of(
          ssm.getParameter(GetParameterRequest.builder().name(name).withDecryption(true).build())
              .parameter()
              .value());
    } catch (ParameterNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new ParameterStoreException(
          "cannot read parameter " + name + " from SSM: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, String> getByPath(String path) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      String next = null;
      do {
        GetParametersByPathResponse page =
            ssm.getParametersByPath(
                GetParametersByPathRequest.builder()
                    .path(path)
                    .recursive(false)
                    .withDecryption(true)
                    .nextToken(next)
                    .build());
        for (Parameter parameter : page.parameters()) {
          values.put(parameter.name(), parameter.value());
        }
        next = page.nextToken();
      } while (next != null && !next.isEmpty());
    } catch (SdkException e) {
      throw new ParameterStoreException(
          "cannot read parameters under " + path + " from SSM: " + e.getMessage(), e);
    }
    return values;
  }

  @Override
  public void close() {
    ssm.close();
  }
}
