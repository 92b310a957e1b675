package fwgear.emulator;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to start the emulator.
 *
 * @param port the TCP port on 127.0.0.1; 0 picks a free one
 * @param dataDir the folder of the embedded database; empty keeps all state in memory
 * @param seedFile a YAML seed applied when the database is new; empty uses the built-in seed
 * @param aws the key pair SSM requests must be signed with; empty takes the seed's
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 * @param s3Port the TCP port of the S3 endpoint (s3proxy; 0 picks a free one), or empty for no S3
 */
public record EmulatorOptions(
    int port,
    Optional<Path> dataDir,
    Optional<Path> seedFile,
    Optional<AwsCredentials> aws,
    long maxBodyBytes,
    OptionalInt s3Port) {
  public static final int DEFAULT_PORT = 8765;
  public static final long DEFAULT_MAX_BODY_BYTES = 64L << 20;

  public EmulatorOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    if (s3Port.isPresent() && (s3Port.getAsInt() < 0 || s3Port.getAsInt() > 65535)) {
      throw new IllegalArgumentException("the S3 port must be 0 to 65535, not " + s3Port);
    }
  }

  public EmulatorOptions(
      int port,
      Optional<Path> dataDir,
      Optional<Path> seedFile,
      Optional<AwsCredentials> aws,
      long maxBodyBytes) {
    this(port, dataDir, seedFile, aws, maxBodyBytes, OptionalInt.empty());
  }

  public EmulatorOptions(int port, Optional<Path> dataDir, Optional<Path> seedFile) {
    this(port, dataDir, seedFile, Optional.empty(), DEFAULT_MAX_BODY_BYTES);
  }

  /** A free port, state in memory, the built-in seed: what tests use. */
  public static EmulatorOptions inMemory() {
    return new EmulatorOptions(0, Optional.empty(), Optional.empty());
  }

  /** The folder used when none is given: {@code ~/.cache/fwgear/emulator}. */
  public static Path defaultDataDir() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base =
        cache == null || cache.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache")
            : Path.of(cache);
    return base.resolve("fwgear").resolve("emulator");
  }

  public EmulatorOptions withPort(int newPort) {
    return new EmulatorOptions(newPort, dataDir, seedFile, aws, maxBodyBytes, s3Port);
  }

  public EmulatorOptions withDataDir(Path dir) {
    return new EmulatorOptions(port, Optional.of(dir), seedFile, aws, maxBodyBytes, s3Port);
  }

  public EmulatorOptions withSeedFile(Path file) {
    return new EmulatorOptions(port, dataDir, Optional.of(file), aws, maxBodyBytes, s3Port);
  }

  public EmulatorOptions withAws(AwsCredentials credentials) {
    return new EmulatorOptions(
        port, dataDir, seedFile, Optional.of(credentials), maxBodyBytes, s3Port);
  }

  public EmulatorOptions withMaxBodyBytes(long bytes) {
    return new EmulatorOptions(port, dataDir, seedFile, aws, bytes, s3Port);
  }

  /**
   * With an S3 endpoint (s3proxy) on its own port, 0 for a free one: objects in {@code <data>/s3},
   * or in memory without a data folder. {@code ./gear emulator} always has one; tests ask for it.
   */
  public EmulatorOptions withS3(int port) {
    return new EmulatorOptions(
        this.port, dataDir, seedFile, aws, maxBodyBytes, OptionalInt.of(port));
  }
}
