package fwgear.tools.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AWS variables a local gear run passes on (a Flywheel job has its AWS settings too): the AWS
 * SDK in the gear reads them, so {@code AWS_ENDPOINT_URL_SSM} and the key pair point it at the
 * local Flywheel's SSM endpoint. Nothing else of the caller's environment is passed.
 */
public final class AwsEnvironment {
  public static final List<String> NAMES =
      List.of(
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_DEFAULT_REGION",
          "AWS_REGION",
          "AWS_ENDPOINT_URL",
          "AWS_ENDPOINT_URL_SSM",
          "AWS_ENDPOINT_URL_S3");

  /** Never written into a run folder's {@code run.sh}. */
  public static final Set<String> SECRETS = Set.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

  private AwsEnvironment() {}

  /** The AWS variables of {@code environment} that are set, in a fixed order. */
  public static Map<String, String> of(Map<String, String> environment) {
    Map<String, String> aws = new LinkedHashMap<>();
    for (String name : NAMES) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        aws.put(name, value);
      }
    }
    return aws;
  }
}
