package fwgear.emulator;

/**
 * The AWS key pair the emulator's SSM endpoint accepts (SigV4): printed at start, settable with
 * {@code --aws-access-key-id}/{@code --aws-secret-access-key} or the seed's {@code aws} section.
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey) {
  public AwsCredentials {
    if (accessKeyId == null || !accessKeyId.matches("[A-Za-z0-9_.-]{1,128}")) {
      throw new IllegalArgumentException(
          "an AWS access key id is 1 to 128 letters, digits, '_', '.' or '-'");
    }
    if (secretAccessKey == null || secretAccessKey.isBlank() || secretAccessKey.length() > 256) {
      throw new IllegalArgumentException("an AWS secret access key has 1 to 256 characters");
    }
  }

  /** Never the secret: a record's default toString would put it in logs. */
  @Override
  public String toString() {
    return "AwsCredentials[" + accessKeyId + ", secret hidden]";
  }
}
