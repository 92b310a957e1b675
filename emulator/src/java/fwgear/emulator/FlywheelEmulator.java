package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fwgear.flywheel.ApiKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Flywheel server on 127.0.0.1: the REST API subset our gears use (same paths, JSON shapes,
 * filters, errors), SSM parameters over the AWS JSON protocol on the same port, and admin endpoints
 * for tests ({@code /__admin/requests}, {@code /__admin/faults}).
 *
 * <pre>{@code
 * try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
 *   FlywheelClient client = FlywheelClient.connect(server.apiKey());
 * }
 * }</pre>
 */
public final class FlywheelEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlywheelEmulator.class);
  private static final int THREADS = 32;

  static {
    // Without TCP_NODELAY every small answer waits ~40 ms for a delayed ACK. The JDK server reads
    // this property once, when its first instance is made.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final Store store;
  private final Seed seed;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Router router = new Router();
  private final SsmProtocol ssm;
  private final RequestLog requestLog = new RequestLog();
  private final Faults faults = new Faults();
  private final AdminEndpoints admin;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final boolean seeded;
  private final Map<String, Function<ObjectNode, String>> uniqueKeys =
      Map.of("projects", Projects::uniqueKey, "roles", r -> r.path("label").asText());

  private FlywheelEmulator(EmulatorOptions options) throws IOException {
    this.seed = Seed.read(options.seedFile());
    this.store = Store.open(json, options.dataDir(), uniqueKeys);
    try {
      this.seeded = store.isEmpty();
      if (seeded) {
        seed.applyTo(store);
      }
      this.server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 256);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
    Access access = new Access(store);
    new SiteRoutes(store, access, this::siteUrl).register(router);
    new GroupRoutes(store, access).register(router);
    new ProjectRoutes(store, access).register(router);
    new GearRoutes(store, access).register(router);
    new LookupRoutes(store, access).register(router);
    this.ssm = new SsmProtocol(store, () -> "127.0.0.1:" + port());
    this.admin = new AdminEndpoints(json, requestLog, faults);
    this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /**
   * Starts a server; it listens until {@link #close()}.
   *
   * @throws IOException when the port is taken
   * @throws fwgear.problem.InvalidInputException when the seed file has problems
   */
  public static FlywheelEmulator start(EmulatorOptions options) throws IOException {
    return new FlywheelEmulator(options);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}, without {@code /api}. */
  public URI baseUrl() {
    return URI.create(siteUrl());
  }

  private String siteUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The key of the seed's first site admin (the default seed's {@code admin@nacc.example}). */
  public ApiKey apiKey() {
    return seed.keys().stream()
        .filter(Seed.SeedKey::siteAdmin)
        .findFirst()
        .or(() -> seed.keys().stream().findFirst())
        .map(this::keyOf)
        .orElseThrow(() -> new IllegalStateException("the seed gives no user an API key"));
  }

  /** The key the seed gives a user, for this server's port. */
  public Optional<ApiKey> apiKey(String userId) {
    return seed.keys().stream().filter(k -> k.userId().equals(userId)).findFirst().map(this::keyOf);
  }

  private ApiKey keyOf(Seed.SeedKey key) {
    return ApiKey.parse("127.0.0.1:" + port() + ":" + key.secret());
  }

  /** Whether the seed was applied at this start (false: the data folder already had state). */
  public boolean seeded() {
    return seeded;
  }

  /** The database, for tests of this package. */
  Store store() {
    return store;
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  public void addFault(Fault fault) {
    faults.add(fault);
  }

  public void clearFaults() {
    faults.clear();
  }

  /** Stops the server and closes the database; calling it again does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }

  private void serve(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (path.startsWith("/__admin/")) {
        send(exchange, admin.handle(method, path, body));
        return;
      }
      Reply reply;
      Optional<Fault> fault = faults.hit(method, path);
      if (fault.isPresent() && fault.get().delayMillis() > 0) {
        Thread.sleep(fault.get().delayMillis());
      }
      if (fault.isPresent() && fault.get().status() != 0 && !fault.get().afterWrite()) {
        reply = faultReply(fault.get());
      } else {
        reply = answer(exchange, method, path, body);
        if (fault.isPresent() && fault.get().status() != 0) {
          reply = faultReply(fault.get());
        }
      }
      requestLog.add(
          new RequestLog.Entry(method, Call.decode(path.replace("+", "%2B")), reply.status()));
      LOG.debug("{} {} -> {}", method, path, reply.status());
      send(exchange, reply);
    } catch (IOException e) {
      LOG.debug("{} {}: the client went away: {}", method, path, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Reply answer(HttpExchange exchange, String method, String path, byte[] body) {
    Call call =
        new Call(
            method,
            path,
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders(),
            body,
            json);
    Optional<String> target = call.header("X-Amz-Target");
    if (target.isPresent() && target.get().startsWith(SsmProtocol.TARGET_PREFIX)) {
      return ssm(target.get(), body);
    }
    try {
      Router.Match match = router.match(method, path);
      call.pathParameters(match.parameters());
      if (!isPublic(path)) {
        call.caller(authenticate(call));
      }
      return match.handler().handle(call);
    } catch (ApiError e) {
      return error(e.status(), e.getMessage());
    } catch (Exception e) {
      LOG.warn("{} {} failed: {}", method, path, e.toString());
      return error(500, "Internal error: " + e.getClass().getSimpleName());
    }
  }

  private static boolean isPublic(String path) {
    return path.equals("/api/version") || path.equals("/api/config");
  }

  /**
   * {@code Authorization: scitran-user <key>} or {@code Bearer <key>}; the secret follows the last
   * ':'.
   */
  private Caller authenticate(Call call) {
    String header = call.header("Authorization").orElse("").strip();
    int space = header.indexOf(' ');
    String scheme = space < 0 ? "" : header.substring(0, space);
    if (!scheme.equalsIgnoreCase("scitran-user") && !scheme.equalsIgnoreCase("Bearer")) {
      throw new ApiError(401, "Invalid API key");
    }
    String key = header.substring(space + 1).strip();
    String secret = key.substring(key.lastIndexOf(':') + 1);
    ObjectNode keyDoc =
        store
            .get("apikeys", Ids.hashKey(secret))
            .orElseThrow(() -> new ApiError(401, "Invalid API key"));
    String userId = keyDoc.path("user").asText();
    ObjectNode user =
        store
            .get("users", userId)
            .orElseThrow(() -> new ApiError(402, "User " + userId + " not found"));
    if (user.path("disabled").asBoolean(false)) {
      throw new ApiError(402, "User " + userId + " is disabled");
    }
    return new Caller(userId, user.path("root").asBoolean(false));
  }

  private Reply ssm(String target, byte[] body) {
    try {
      JsonNode request = body.length == 0 ? json.createObjectNode() : json.readTree(body);
      return new Reply(200, ssm.handle(target, request), null, SsmProtocol.CONTENT_TYPE);
    } catch (SsmProtocol.SsmError e) {
      ObjectNode error =
          json.createObjectNode().put("__type", e.type).put("message", e.getMessage());
      return new Reply(400, error, null, SsmProtocol.CONTENT_TYPE);
    } catch (IOException e) {
      ObjectNode error =
          json.createObjectNode()
              .put("__type", "SerializationException")
              .put("message", "bad JSON");
      return new Reply(400, error, null, SsmProtocol.CONTENT_TYPE);
    }
  }

  private Reply faultReply(Fault fault) {
    return error(fault.status(), "Injected fault: " + fault.status());
  }

  static Reply error(int status, String message) {
    ObjectNode error = Containers.NODES.objectNode();
    error.put("message", message);
    error.put("status_code", status);
    error.put("request_id", UUID.randomUUID().toString());
    return Reply.status(status, error);
  }

  private void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes;
    String type;
    if (reply.bytes() != null) {
      bytes = reply.bytes();
      type = reply.contentType();
    } else {
      bytes = json.writeValueAsBytes(reply.json());
      type = reply.contentType() != null ? reply.contentType() : "application/json; charset=utf-8";
    }
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "flywheel-emulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
