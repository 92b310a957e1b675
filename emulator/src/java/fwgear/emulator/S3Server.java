package fwgear.emulator;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The local Flywheel's S3 endpoint: <a href="https://github.com/gaul/s3proxy">s3proxy</a>, a real
 * S3 API server, embedded on its own port of 127.0.0.1. Its objects are kept by the jclouds
 * filesystem blob store in {@code <data>/s3} (a bucket is a folder, an object a file), or by the
 * transient (in-memory) store when the emulator keeps its state in memory. Requests must be signed
 * (AWS Signature Version 2 or 4) with the same key pair as SSM.
 */
public final class S3Server implements AutoCloseable {
  /** The folder of the data folder that holds the buckets. */
  public static final String FOLDER = "s3";

  private final BlobStoreContext context;
  private final S3Proxy proxy;
  private final int port;

  private S3Server(BlobStoreContext context, S3Proxy proxy, int port) {
    this.context = context;
    this.proxy = proxy;
    this.port = port;
  }

  /**
   * Starts s3proxy on 127.0.0.1.
   *
   * @param port the TCP port; 0 picks a free one
   * @param dataDir the emulator's data folder (objects under {@code s3/}), or empty for memory
   * @param aws the key pair requests must be signed with
   * @throws BindException when the port is taken
   */
  public static S3Server start(int port, Optional<Path> dataDir, AwsCredentials aws)
      throws IOException {
    BlobStoreContext context;
    if (dataDir.isPresent()) {
      Path folder = dataDir.get().resolve(FOLDER);
      Files.createDirectories(folder);
      Properties properties = new Properties();
      properties.setProperty("jclouds.filesystem.basedir", folder.toAbsolutePath().toString());
      context =
          ContextBuilder.newBuilder("filesystem")
              .overrides(properties)
              .build(BlobStoreContext.class);
    } else {
      context = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
    }
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4, aws.accessKeyId(), aws.secretAccessKey())
            .build();
    try {
      proxy.start();
      // start() returns once Jetty is started, or throws; the state says which.
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if ("FAILED".equals(proxy.getState()) || System.nanoTime() > deadline) {
          throw new IOException("the S3 server (s3proxy) did not start: " + proxy.getState());
        }
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQuietly(proxy);
      context.close();
      throw new IOException("interrupted while starting the S3 server", e);
    } catch (Exception e) {
      stopQuietly(proxy);
      context.close();
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        BindException bind = new BindException("the S3 port " + port + " is in use");
        bind.initCause(e);
        throw bind;
      }
      throw e instanceof IOException io
          ? io
          : new IOException("the S3 server (s3proxy) did not start: " + e, e);
    }
    return new S3Server(context, proxy, proxy.getPort());
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>}: the endpoint to give the AWS SDK (path-style) or CLI. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The blob store behind the server, for seeding buckets and objects. */
  BlobStore blobStore() {
    return context.getBlobStore();
  }

  /** Creates a bucket (nothing when it exists) and puts one object into it. */
  public void putObject(String bucket, String key, byte[] content, String contentType) {
    BlobStore store = context.getBlobStore();
    if (!store.containerExists(bucket)) {
      store.createContainerInLocation(null, bucket);
    }
    store.putBlob(
        bucket,
        store
            .blobBuilder(key)
            .payload(content)
            .contentLength(content.length)
            .contentType(contentType)
            .build());
  }

  /** Creates a bucket; nothing when it exists. */
  public void createBucket(String bucket) {
    BlobStore store = context.getBlobStore();
    if (!store.containerExists(bucket)) {
      store.createContainerInLocation(null, bucket);
    }
  }

  /** Deletes every bucket with its objects (a reset). */
  void deleteEverything() {
    BlobStore store = context.getBlobStore();
    for (var bucket : store.list()) {
      store.deleteContainer(bucket.getName());
    }
  }

  @Override
  public void close() {
    stopQuietly(proxy);
    context.close();
  }

  private static void stopQuietly(S3Proxy proxy) {
    try {
      proxy.stop();
    } catch (Exception e) {
      // stopping a server that did not start, or is already stopped
    }
  }
}
