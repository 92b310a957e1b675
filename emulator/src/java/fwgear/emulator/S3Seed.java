package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.json.LocatedDocument;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The seed's {@code s3} section: buckets and their objects, put into a new S3 store.
 *
 * <pre>{@code
 * s3:
 *   - bucket: nacc-metadata
 *     objects:
 *       - {key: centers.csv, content: "ADCID,NAME\n12,Alpha\n"}
 *       - {key: visits.csv, file: data/visits.csv}   # relative to the seed file's folder
 * }</pre>
 *
 * Every problem is reported at once, with its line, before anything is written.
 */
final class S3Seed {
  /** S3's bucket naming rules (lower case, 3-63 characters, no dots at the ends). */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  record SeedObject(String bucket, String key, byte[] content) {}

  /** No buckets: the seed of a server without an S3 endpoint. */
  static final S3Seed NONE = new S3Seed(List.of(), List.of());

  private final List<String> buckets;
  private final List<SeedObject> objects;

  private S3Seed(List<String> buckets, List<SeedObject> objects) {
    this.buckets = buckets;
    this.objects = objects;
  }

  /**
   * Reads and checks the section.
   *
   * @param seedFile the seed's path (files are read relative to its folder); empty for the built-in
   *     seed
   * @throws InvalidInputException naming each malformed entry's line
   */
  static S3Seed read(Seed seed, Optional<Path> seedFile) {
    LocatedDocument document = seed.document();
    JsonNode section = document.root().path("s3");
    List<Problem> problems = new ArrayList<>();
    List<String> buckets = new ArrayList<>();
    List<SeedObject> objects = new ArrayList<>();
    if (section.isMissingNode() || section.isNull()) {
      return new S3Seed(buckets, objects);
    }
    if (!section.isArray()) {
      throw new InvalidInputException(
          document.error("s3", "seed-shape", "s3 is a list of {bucket, objects}"));
    }
    Path folder =
        seedFile.map(f -> f.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());
    for (int i = 0; i < section.size(); i++) {
      JsonNode entry = section.get(i);
      String at = "s3." + i;
      String bucket = entry.path("bucket").textValue();
      if (bucket == null || !BUCKET.matcher(bucket).matches()) {
        problems.add(
            document.error(
                at + ".bucket",
                "seed-s3-bucket",
                "a bucket name is 3-63 characters of a-z 0-9 . - (not " + bucket + ")"));
        continue;
      }
      buckets.add(bucket);
      JsonNode list = entry.path("objects");
      for (int j = 0; j < list.size(); j++) {
        JsonNode object = list.get(j);
        String where = at + ".objects." + j;
        String key = object.path("key").textValue();
        if (key == null || key.isEmpty() || key.startsWith("/")) {
          problems.add(
              document.error(
                  where + ".key", "seed-s3-key", "an object needs a key (no leading /)"));
          continue;
        }
        if (object.path("content").isTextual()) {
          objects.add(
              new SeedObject(
                  bucket,
                  key,
                  object.path("content").textValue().getBytes(StandardCharsets.UTF_8)));
        } else if (object.path("file").isTextual()) {
          Path file = folder.resolve(object.path("file").textValue());
          try {
            objects.add(new SeedObject(bucket, key, Files.readAllBytes(file)));
          } catch (IOException e) {
            problems.add(
                document.error(where + ".file", "seed-s3-file", "cannot read " + file + ": " + e));
          }
        } else {
          problems.add(
              document.error(
                  where, "seed-s3-object", "an object has content (text) or file (a path)"));
        }
      }
    }
    InvalidInputException.throwIfErrors(problems);
    return new S3Seed(buckets, objects);
  }

  void applyTo(S3Server server) {
    buckets.forEach(server::createBucket);
    for (SeedObject object : objects) {
      server.putObject(object.bucket(), object.key(), object.content(), contentType(object.key()));
    }
  }

  /** Every bucket and object of the server deleted, then the seed's put back. */
  void resetTo(S3Server server) {
    server.deleteEverything();
    applyTo(server);
  }

  private static String contentType(String key) {
    return key.endsWith(".csv") ? "text/csv" : "application/octet-stream";
  }
}
