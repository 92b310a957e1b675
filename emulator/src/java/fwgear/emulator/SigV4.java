package fwgear.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 Credential=...,
 * SignedHeaders=..., Signature=...}) as the AWS SDK and CLI compute it: canonical request (method,
 * path, query, the signed headers as received, SHA-256 of the body), string to sign, signing key
 * derived from the secret, date and region, constant-time comparison. The request time must be
 * within 15 minutes of the server's clock.
 */
final class SigV4 {
  /** A refused request: the AWS error code, its message and status. */
  static final class Refused extends RuntimeException {
    final String type;

    Refused(String type, String message) {
      super(message, null, false, false);
      this.type = type;
    }
  }

  static final Duration MAX_SKEW = Duration.ofMinutes(15);
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private SigV4() {}

  /**
   * @param header a request header by name, any case
   * @throws Refused when the request is unsigned, signed by an unknown key, too old, or the
   *     signature does not match
   */
  static void verify(
      AwsCredentials known,
      String service,
      String method,
      String rawPath,
      String rawQuery,
      Function<String, List<String>> header,
      byte[] body,
      Instant now) {
    List<String> authorization = header.apply("Authorization");
    if (authorization.isEmpty()) {
      throw new Refused("MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    String value = authorization.get(0).strip();
    if (!value.startsWith(ALGORITHM + " ")) {
      throw new Refused(
          "IncompleteSignatureException",
          "Authorization header requires the " + ALGORITHM + " algorithm");
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String part : value.substring(ALGORITHM.length()).split(",")) {
      String item = part.strip();
      if (item.startsWith("Credential=")) {
        credential = item.substring("Credential=".length());
      } else if (item.startsWith("SignedHeaders=")) {
        signedHeaders = item.substring("SignedHeaders=".length());
      } else if (item.startsWith("Signature=")) {
        signature = item.substring("Signature=".length());
      }
    }
    if (credential == null || signedHeaders == null || signature == null) {
      throw new Refused(
          "IncompleteSignatureException",
          "Authorization header requires Credential, SignedHeaders and Signature");
    }
    String[] scope = credential.split("/");
    if (scope.length != 5 || !scope[4].equals("aws4_request")) {
      throw new Refused(
          "IncompleteSignatureException",
          "Credential is <access key id>/<date>/<region>/<service>/aws4_request");
    }
    if (!MessageDigest.isEqual(
        scope[0].getBytes(StandardCharsets.UTF_8),
        known.accessKeyId().getBytes(StandardCharsets.UTF_8))) {
      throw new Refused(
          "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    if (!scope[3].equals(service)) {
      throw new Refused(
          "InvalidSignatureException",
          "Credential should be scoped to correct service: " + service);
    }
    String amzDate = first(header, "X-Amz-Date").orElse(null);
    if (amzDate == null) {
      throw new Refused("IncompleteSignatureException", "The request has no X-Amz-Date header");
    }
    Instant signedAt;
    try {
      signedAt = Instant.from(AMZ_DATE.parse(amzDate));
    } catch (DateTimeParseException e) {
      throw new Refused("IncompleteSignatureException", "X-Amz-Date is not yyyyMMddTHHmmssZ");
    }
    if (!amzDate.startsWith(scope[1])) {
      throw new Refused(
          "InvalidSignatureException", "Credential should be scoped to a valid date: " + amzDate);
    }
    if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
      throw new Refused(
          "InvalidSignatureException",
          "Signature expired: " + amzDate + " is more than 15 minutes from the server's time");
    }
    List<String> names = Arrays.asList(signedHeaders.split(";"));
    if (!names.contains("host")) {
      throw new Refused("InvalidSignatureException", "The host header must be signed");
    }
    String payloadHash = hex(sha256(body));
    Optional<String> declared = first(header, "X-Amz-Content-Sha256");
    if (declared.isPresent() && !declared.get().equals(payloadHash)) {
      throw new Refused(
          "InvalidSignatureException", "X-Amz-Content-Sha256 does not match the body");
    }
    StringBuilder canonical = new StringBuilder();
    canonical.append(method).append('\n');
    canonical.append(canonicalPath(rawPath)).append('\n');
    canonical.append(canonicalQuery(rawQuery)).append('\n');
    for (String name : names) {
      List<String> values = header.apply(name);
      if (values.isEmpty()) {
        throw new Refused("InvalidSignatureException", "Signed header " + name + " is missing");
      }
      List<String> trimmed = new ArrayList<>();
      values.forEach(v -> trimmed.add(v.strip().replaceAll(" +", " ")));
      canonical.append(name.toLowerCase(Locale.ROOT)).append(':');
      canonical.append(String.join(",", trimmed)).append('\n');
    }
    canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
    String stringToSign =
        ALGORITHM
            + "\n"
            + amzDate
            + "\n"
            + String.join("/", scope[1], scope[2], scope[3], scope[4])
            + "\n"
            + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key =
        hmac(("AWS4" + known.secretAccessKey()).getBytes(StandardCharsets.UTF_8), scope[1]);
    key = hmac(key, scope[2]);
    key = hmac(key, scope[3]);
    key = hmac(key, "aws4_request");
    String expected = hex(hmac(key, stringToSign));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
      throw new Refused(
          "InvalidSignatureException",
          "The request signature we calculated does not match the signature you provided. Check"
              + " your AWS Secret Access Key and signing method.");
    }
  }

  /** Non-S3 services: each segment of the (already encoded) path is encoded once more. */
  private static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
      return "/";
    }
    StringBuilder path = new StringBuilder();
    String[] segments = rawPath.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        path.append('/');
      }
      path.append(encode(segments[i]));
    }
    return path.toString();
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = Call.decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : Call.decode(pair.substring(equals + 1));
      pairs.add(new String[] {encode(name), encode(value)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> parts = new ArrayList<>();
    pairs.forEach(p -> parts.add(p[0] + "=" + p[1]));
    return String.join("&", parts);
  }

  /** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, the rest is %XX. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static Optional<String> first(Function<String, List<String>> header, String name) {
    List<String> values = header.apply(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** A header lookup over a request's headers, any case, every value. */
  static Function<String, List<String>> headers(Map<String, List<String>> headers) {
    return name -> {
      List<String> values = new ArrayList<>();
      headers.forEach(
          (key, list) -> {
            if (key != null && key.equalsIgnoreCase(name)) {
              values.addAll(list);
            }
          });
      return values;
    };
  }
}
