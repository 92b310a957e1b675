package fwgear.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP side: Jetty 12 (core handlers, no servlets) on 127.0.0.1. Bodies are read without
 * holding a thread (a stalled client costs a socket, not a worker), up to a size limit (413); the
 * complete request is then answered on a bounded pool of workers (503 when its queue is full). Idle
 * connections are closed after a timeout. Every error Jetty itself produces (bad request line,
 * headers too large...) is answered in the API's JSON error shape too.
 */
final class HttpFront implements AutoCloseable {
  /** A complete request: what the application needs, nothing of Jetty. */
  record Exchange(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {}

  @FunctionalInterface
  interface App {
    Reply answer(Exchange exchange);
  }

  /** Renders a JSON error body: the application's shape. */
  @FunctionalInterface
  interface Errors {
    byte[] render(int status, String message);
  }

  static final long IDLE_TIMEOUT_MS = 30_000;
  private static final int WORKERS = 64;
  private static final int QUEUE = 1024;
  private static final String JSON = "application/json; charset=utf-8";

  private final Server server;
  private final ServerConnector connector;
  private final ThreadPoolExecutor workers;

  HttpFront(int port, long maxBodyBytes, App app, Errors errors) throws IOException {
    // Jetty's own threads only parse and read without blocking; the bounded queue is the
    // workers' (Jetty warns that a bounded queue of its own may drop its internal jobs).
    QueuedThreadPool jettyThreads = new QueuedThreadPool(16, 4);
    jettyThreads.setName("emulator-http");
    jettyThreads.setDaemon(true);
    server = new Server(jettyThreads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendDateHeader(true);
    config.setRequestHeaderSize(16 * 1024);
    // Our router decodes path segments itself (a file name may hold %2F-like text): Jetty must
    // not refuse or rewrite them.
    config.setUriCompliance(UriCompliance.UNSAFE);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT_MS);
    connector.setAcceptQueueSize(256);
    server.addConnector(connector);
    server.setErrorHandler(new JsonErrors(errors));
    AtomicInteger count = new AtomicInteger();
    workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            runnable -> {
              Thread thread = new Thread(runnable, "emulator-worker-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    workers.allowCoreThreadTimeOut(true);
    server.setHandler(new Front(maxBodyBytes, app, errors));
    try {
      server.start();
    } catch (IOException e) {
      close();
      throw e;
    } catch (Exception e) {
      close();
      throw new IOException("cannot start the HTTP server: " + e.getMessage(), e);
    }
  }

  int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping is best effort: the store is closed after this anyway.
    }
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Front extends Handler.Abstract {
    private final long maxBodyBytes;
    private final App app;
    private final Errors errors;

    Front(long maxBodyBytes, App app, Errors errors) {
      this.maxBodyBytes = maxBodyBytes;
      this.app = app;
      this.errors = errors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      long limit = limit(request);
      if (request.getLength() > limit) {
        tooLarge(response, callback, limit);
        return true;
      }
      Content.Source.asByteArrayAsync(request, (int) Math.min(Integer.MAX_VALUE - 8, limit))
          .whenComplete(
              (body, failure) -> {
                if (failure != null) {
                  // The only failure left with the connection still usable is a body over the
                  // limit without a Content-Length (chunked): the client is told so.
                  tooLarge(response, callback, limit);
                  return;
                }
                try {
                  workers.execute(() -> respond(request, response, callback, body));
                } catch (RejectedExecutionException e) {
                  send(response, callback, 503, JSON, errors.render(503, "The server is busy"));
                }
              });
      return true;
    }

    /** A gear upload carries the gear's image archive: it may be larger than other bodies. */
    private long limit(Request request) {
      return request.getMethod().equals("POST")
              && GearRoutes.UPLOAD_PATH.equals(request.getHttpURI().getPath())
          ? Math.max(maxBodyBytes, GearRoutes.MAX_ARCHIVE_BYTES)
          : maxBodyBytes;
    }

    private void tooLarge(Response response, Callback callback, long limit) {
      send(
          response,
          callback,
          413,
          JSON,
          errors.render(413, "The request body is larger than " + limit + " bytes"));
    }

    private void respond(Request request, Response response, Callback callback, byte[] body) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpField field : request.getHeaders()) {
        headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue());
      }
      Exchange exchange =
          new Exchange(
              request.getMethod(),
              request.getHttpURI().getPath(),
              request.getHttpURI().getQuery(),
              headers,
              body);
      Reply reply;
      try {
        reply = app.answer(exchange);
      } catch (RuntimeException e) {
        reply = null;
      }
      if (reply == null) {
        send(response, callback, 500, JSON, errors.render(500, "Internal error"));
        return;
      }
      byte[] bytes = reply.bytes() != null ? reply.bytes() : reply.jsonBytes();
      String type =
          reply.contentType() != null
              ? reply.contentType()
              : reply.bytes() != null ? "application/octet-stream" : JSON;
      send(response, callback, reply.status(), type, bytes);
    }
  }

  private static void send(
      Response response, Callback callback, int status, String type, byte[] bytes) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** Jetty's own errors (400 bad request line, 431, 500...) in the API's JSON shape. */
  private static final class JsonErrors extends ErrorHandler {
    private final Errors errors;

    JsonErrors(Errors errors) {
      this.errors = errors;
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      send(response, callback, code, JSON, errors.render(code, text(code, message)));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, JSON);
      return ByteBuffer.wrap(errors.render(status, text(status, reason)));
    }

    private static String text(int status, String message) {
      return message == null || message.isBlank()
          ? "HTTP " + status
          : new String(message.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
  }
}
