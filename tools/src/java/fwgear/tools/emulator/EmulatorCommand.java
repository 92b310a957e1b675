package fwgear.tools.emulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import fwgear.emulator.AwsCredentials;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.tools.ExitCode;
import fwgear.tools.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./gear emulator}: runs the local Flywheel server until interrupted. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a local Flywheel server (REST API and SSM parameters) on 127.0.0.1, and an S3",
      "endpoint (s3proxy) on a port of its own; objects are kept in <data>/s3.",
      "State is kept in --data and survives a restart; the seed is applied to a new folder only.",
      "",
      "It prints the site admin's API key and the AWS key pair its SSM endpoint accepts",
      "(requests must be signed, AWS Signature Version 4; region us-east-1).",
      "",
      "Point the AWS CLI at it:",
      "  export AWS_ACCESS_KEY_ID=<id> AWS_SECRET_ACCESS_KEY=<secret> AWS_DEFAULT_REGION=us-east-1",
      "  export AWS_ENDPOINT_URL_SSM=http://127.0.0.1:<port>",
      "  aws ssm get-parameter --name /prod/flywheel/gearbot/apikey --with-decryption",
      "  (older CLIs: aws --endpoint-url http://127.0.0.1:<port> ssm ...)",
      "Point an AWS SDK at it: the same variables (SDKs read AWS_ENDPOINT_URL_SSM), or in Java",
      "  SsmClient.builder().region(Region.US_EAST_1)",
      "      .endpointOverride(URI.create(\"http://127.0.0.1:<port>\"))",
      "      .credentialsProvider(StaticCredentialsProvider.create(",
      "          AwsBasicCredentials.create(\"<id>\", \"<secret>\")))",
      "  (fwgear.parameters.SsmParameterStore.fromEnvironment() reads the variables).",
      "S3 (s3proxy) takes the same key pair on the port printed as 'S3 endpoint:', path-style:",
      "  export AWS_ENDPOINT_URL_S3=http://127.0.0.1:<s3-port>",
      "  aws --endpoint-url http://127.0.0.1:<s3-port> s3 ls s3://nacc-metadata/",
      "See docs/emulator.md."
    })
public final class EmulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      description = "TCP port on 127.0.0.1 (0 picks a free one; default ${DEFAULT-VALUE}).",
      defaultValue = "" + EmulatorOptions.DEFAULT_PORT)
  int port;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder of the server's database (default ~/.cache/fwgear/emulator).")
  Path data;

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description =
          "YAML seed (users and keys, groups, roles, projects, gears, ssm) for a new folder.")
  Path seed;

  @Option(
      names = "--s3-port",
      paramLabel = "PORT",
      description = "TCP port of the S3 endpoint on 127.0.0.1 (default 0: a free one).",
      defaultValue = "0")
  int s3Port;

  @Option(names = "--in-memory", description = "Keep all state in memory (nothing is written).")
  boolean inMemory;

  @Option(
      names = "--aws-access-key-id",
      paramLabel = "ID",
      description = "AWS access key id SSM requests are signed with (default: the seed's aws).")
  String awsAccessKeyId;

  @Option(
      names = "--aws-secret-access-key",
      paramLabel = "SECRET",
      description = "Its secret (both or neither; default: the seed's aws section).")
  String awsSecretAccessKey;

  @Option(names = "--log-requests", description = "Log every request (method, path, status).")
  boolean logRequests;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0 to 65535, not " + port);
    }
    if (s3Port < 0 || s3Port > 65535) {
      throw new UsageException("--s3-port must be 0 to 65535, not " + s3Port);
    }
    if (inMemory && data != null) {
      throw new UsageException("--in-memory and --data exclude each other");
    }
    if ((awsAccessKeyId == null) != (awsSecretAccessKey == null)) {
      throw new UsageException("--aws-access-key-id and --aws-secret-access-key go together");
    }
    quietLogging(logRequests);
    EmulatorOptions options =
        new EmulatorOptions(
            port,
            inMemory
                ? Optional.empty()
                : Optional.of(data != null ? data : EmulatorOptions.defaultDataDir()),
            Optional.ofNullable(seed));
    options = options.withS3(s3Port);
    if (awsAccessKeyId != null) {
      try {
        options = options.withAws(new AwsCredentials(awsAccessKeyId, awsSecretAccessKey));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    FlywheelEmulator server;
    try {
      server = FlywheelEmulator.start(options);
    } catch (BindException e) {
      throw new UsageException(
          e.getMessage() != null && e.getMessage().contains("S3")
              ? "S3 port " + s3Port + " is in use (choose another with --s3-port)"
              : "port " + port + " is in use (choose another with --port)");
    } catch (IOException e) {
      throw new IOException("cannot start the local Flywheel server: " + e.getMessage(), e);
    }
    // Ctrl-C runs the hook, which closes the database cleanly; interrupting the command does too.
    Thread hook = new Thread(server::close, "emulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Flywheel emulator listening on " + server.baseUrl());
    // The key of a local, loopback-only server: printing it is what the command is for.
    out.println("API key: " + server.apiKey().reveal());
    out.println("AWS access key id: " + server.awsCredentials().accessKeyId());
    out.println("AWS secret access key: " + server.awsCredentials().secretAccessKey());
    out.println(
        "SSM endpoint: "
            + server.baseUrl()
            + " (region "
            + server.awsEnvironment().get("AWS_DEFAULT_REGION")
            + ")");
    server.s3().ifPresent(s3 -> out.println("S3 endpoint: " + s3.endpoint()));
    out.println("REDCap API: " + server.redcapUrl());
    out.println(
        "Data: "
            + options.dataDir().map(Path::toString).orElse("(in memory)")
            + "; Ctrl-C stops it.");
    if (!server.seeded()) {
      out.println(
          "Seed: not applied, the data folder already has state (delete it to start from the seed)");
    }
    out.flush();
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook is running.
      }
    }
    return ExitCode.OK.code();
  }

  /**
   * Logback logs everything at DEBUG when nothing configures it; a server answering thousands of
   * requests should not, unless asked to.
   */
  private static void quietLogging(boolean requests) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
      context.getLogger("fwgear.emulator").setLevel(requests ? Level.DEBUG : Level.INFO);
    }
  }
}
