package fwgear.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.flywheel.ApiKey;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Flywheel server on 127.0.0.1: the REST API subset our gears use (same paths, JSON shapes,
 * filters, errors), SSM parameters over the AWS JSON protocol on the same port ({@code POST /} with
 * {@code X-Amz-Target}, SigV4-signed), and admin endpoints for tests ({@code /__admin/requests},
 * {@code /__admin/faults}, {@code /__admin/reset}; the site admin's key only, same origin only).
 *
 * <pre>{@code
 * try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
 *   FlywheelClient client = FlywheelClient.connect(server.apiKey());
 * }
 * }</pre>
 */
public final class FlywheelEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlywheelEmulator.class);

  private final ObjectMapper json;
  private final Store store;
  private final Seed seed;
  private final HttpFront http;
  private final int port;
  private final Router router = new Router();
  private final SsmProtocol ssm;
  private final AwsCredentials aws;
  private final RequestLog requestLog = new RequestLog();
  private final Faults faults = new Faults();
  private final AdminEndpoints admin;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final boolean seeded;
  private final Optional<S3Server> s3;
  private final Redcap redcap;
  private final SsmCrypto crypto;
  private final S3Seed s3Seed;
  private final Map<String, Function<ObjectNode, String>> uniqueKeys =
      Map.of(
          "projects",
          Projects::uniqueKey,
          "roles",
          r -> r.path("label").asText(),
          "gears",
          GearRoutes::uniqueKey,
          Redcap.KIND,
          Redcap::uniqueKey);

  private FlywheelEmulator(EmulatorOptions options) throws IOException {
    capLibraryLogs();
    this.json = strictJson(options.maxBodyBytes());
    this.seed = Seed.read(options.seedFile());
    // The option, else the seed's aws section, else the built-in seed's pair.
    this.aws =
        options
            .aws()
            .or(seed::awsCredentials)
            .orElseGet(() -> Seed.read(Optional.empty()).awsCredentials().orElseThrow());
    // Read before the store opens, so that a bad s3 section fails the start with nothing written.
    this.s3Seed =
        options.s3Port().isPresent() ? S3Seed.read(seed, options.seedFile()) : S3Seed.NONE;
    this.store = Store.open(json, options.dataDir(), uniqueKeys);
    try {
      SsmCrypto crypto = SsmCrypto.open(options.dataDir());
      this.seeded = store.isEmpty();
      if (seeded) {
        seed.applyTo(store, crypto);
      }
      Access access = new Access(store);
      new SiteRoutes(store, access, this::siteUrl).register(router);
      new GroupRoutes(store, access).register(router);
      new ProjectRoutes(store, access).register(router);
      new RuleRoutes(store, access).register(router);
      new GearRoutes(store, access).register(router);
      new LookupRoutes(store, access).register(router);
      this.ssm = new SsmProtocol(store, crypto, this::expandPlaceholders);
      this.redcap = new Redcap(store);
      this.crypto = crypto;
      this.admin = new AdminEndpoints(json, requestLog, faults, redcap, this::reset);
      this.http =
          new HttpFront(
              options.port(),
              options.maxBodyBytes(),
              this::answer,
              (status, message) -> error(status, message).jsonBytes());
      this.port = http.port();
      try {
        this.s3 = startS3(options);
      } catch (IOException | RuntimeException e) {
        http.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The S3 endpoint when the options ask for one; a new data folder gets the seed's objects. */
  private Optional<S3Server> startS3(EmulatorOptions options) throws IOException {
    if (options.s3Port().isEmpty()) {
      return Optional.empty();
    }
    S3Server server = S3Server.start(options.s3Port().getAsInt(), options.dataDir(), aws);
    try {
      if (seeded || options.dataDir().isEmpty()) {
        s3Seed.applyTo(server);
      }
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return Optional.of(server);
  }

  /**
   * {@code POST /__admin/reset}: the documents and files back to the seed's in one commit, then the
   * S3 store's buckets and objects (a store of its own, so not in that commit).
   */
  private void reset() {
    seed.applyTo(store, crypto, true);
    s3.ifPresent(s3Seed::resetTo);
  }

  /**
   * SSM values may name the running server: {@code ${host}} (127.0.0.1:port) and the key pair,
   * {@code ${aws_access_key_id}} and {@code ${aws_secret_access_key}} (the S3 credentials NACC's
   * gears read from SSM are the same pair here).
   */
  private String expandPlaceholders(String value) {
    return value
        .replace("${host}", "127.0.0.1:" + port())
        .replace("${aws_access_key_id}", aws.accessKeyId())
        .replace("${aws_secret_access_key}", aws.secretAccessKey());
  }

  /**
   * Jetty's HTTP parser logs every header value at DEBUG (the API key, the AWS signature), and the
   * SQLite driver every statement: at any level asked for the root logger, these two stay at WARN,
   * so that a key never reaches a log line (and their start-up chatter stays out of gear logs).
   */
  private static void capLibraryLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      for (String name :
          new String[] {
            "org.eclipse.jetty", "org.sqlite", "org.gaul", "org.jclouds", "jclouds", "org.eclipse"
          }) {
        ch.qos.logback.classic.Logger logger = context.getLogger(name);
        if (logger.isInfoEnabled()) {
          logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
      }
      // s3proxy's shaded Jetty warns of a closed selector on every stop: not the operator's
      // concern.
      ch.qos.logback.classic.Logger shaded = context.getLogger("org.gaul.shaded");
      if (shaded.isWarnEnabled()) {
        shaded.setLevel(ch.qos.logback.classic.Level.ERROR);
      }
    }
  }

  /**
   * Bodies are read strictly: one JSON value (no trailing tokens), no duplicate keys, and strings
   * as long as the body limit allows (Jackson's default cap would refuse a valid 20 MB body).
   */
  static ObjectMapper strictJson(long maxBodyBytes) {
    ObjectMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    int max = (int) Math.min(Integer.MAX_VALUE, maxBodyBytes);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(max).maxDocumentLength(max).build());
    return mapper;
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
    return port;
  }

  /** The key pair SSM requests must be signed with. */
  public AwsCredentials awsCredentials() {
    return aws;
  }

  /**
   * The environment that points the AWS SDK and CLI at this server's SSM endpoint: {@code
   * AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_DEFAULT_REGION}, {@code
   * AWS_REGION}, {@code AWS_ENDPOINT_URL_SSM} and, with S3, {@code AWS_ENDPOINT_URL_S3}.
   */
  public Map<String, String> awsEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ACCESS_KEY_ID", aws.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", aws.secretAccessKey());
    env.put("AWS_DEFAULT_REGION", SsmProtocol.REGION);
    env.put("AWS_REGION", SsmProtocol.REGION);
    env.put("AWS_ENDPOINT_URL_SSM", siteUrl());
    s3.ifPresent(server -> env.put("AWS_ENDPOINT_URL_S3", server.endpoint().toString()));
    return env;
  }

  /** The S3 endpoint, when the server was started with one ({@link EmulatorOptions#withS3}). */
  public Optional<S3Server> s3() {
    return s3;
  }

  /**
   * The REDCap API's URL, {@code http://127.0.0.1:<port>/redcap/api/}: the {@code content=report}
   * exports of the seed's {@code redcap} projects.
   */
  public URI redcapUrl() {
    return URI.create(siteUrl() + Redcap.PATH);
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
    http.close();
    s3.ifPresent(S3Server::close);
    store.close();
  }

  /** One complete request: the admin endpoints, the SSM endpoint, or the REST API. */
  private Reply answer(HttpFront.Exchange exchange) {
    String method = exchange.method();
    String path = exchange.rawPath();
    Call call;
    try {
      call = new Call(method, path, exchange.rawQuery(), exchange.headers(), exchange.body(), json);
    } catch (ApiError e) {
      return error(e);
    }
    try {
      if (path.startsWith("/__admin/")) {
        requireSameOrigin(call);
        if (!authenticate(call).siteAdmin()) {
          throw ApiError.forbidden("The admin endpoints need the site admin's key");
        }
        return admin.handle(call);
      }
      Optional<Fault> fault = faults.hit(method, path);
      if (fault.isPresent() && fault.get().delayMillis() > 0) {
        Thread.sleep(fault.get().delayMillis());
      }
      Reply reply;
      if (fault.isPresent() && fault.get().status() != 0 && !fault.get().afterWrite()) {
        reply = faultReply(fault.get());
      } else {
        reply =
            isSsm(call)
                ? ssm(call, exchange)
                : Redcap.handles(path) ? redcap.handle(method, exchange.body()) : rest(call);
        if (fault.isPresent() && fault.get().status() != 0) {
          reply = faultReply(fault.get());
        }
      }
      requestLog.add(
          new RequestLog.Entry(method, Call.decode(path.replace("+", "%2B")), reply.status()));
      LOG.debug("{} {} -> {}", method, path, reply.status());
      return reply;
    } catch (ApiError e) {
      return error(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(503, "The server is stopping");
    }
  }

  /** SSM is answered at its own endpoint only: {@code POST /} with an {@code X-Amz-Target}. */
  private static boolean isSsm(Call call) {
    return call.method().equals("POST")
        && call.path().equals("/")
        && call.header("X-Amz-Target").isPresent();
  }

  private Reply rest(Call call) {
    try {
      Router.Match match = router.match(call.method(), call.path());
      call.pathParameters(match.parameters());
      if (!isPublic(call.path())) {
        call.caller(authenticate(call));
      }
      // A malformed id is a 400 (never a 404), whether or not such a container could exist.
      match.parameters().forEach(Ids::checkParameter);
      return match.handler().handle(call);
    } catch (ApiError e) {
      return error(e);
    } catch (Exception e) {
      LOG.warn("{} {} failed: {}", call.method(), call.path(), e.toString());
      return error(500, "Internal error: " + e.getClass().getSimpleName());
    }
  }

  /**
   * A web page the operator visits must not reach the admin endpoints (faults, request log, reset):
   * a browser's cross-origin request carries {@code Origin} or {@code Sec-Fetch-Site}, and a DNS
   * rebinding one a foreign {@code Host}.
   */
  private void requireSameOrigin(Call call) {
    Set<String> own = Set.of("127.0.0.1:" + port(), "localhost:" + port(), "[::1]:" + port());
    String host = call.header("Host").orElse("").toLowerCase(Locale.ROOT);
    if (!own.contains(host)) {
      throw ApiError.forbidden("The admin endpoints answer requests to " + siteUrl() + " only");
    }
    Optional<String> origin = call.header("Origin");
    if (origin.isPresent()
        && !own.contains(origin.get().toLowerCase(Locale.ROOT).replaceFirst("^http://", ""))) {
      throw ApiError.forbidden("Cross-origin requests to the admin endpoints are refused");
    }
    Optional<String> site = call.header("Sec-Fetch-Site");
    if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
      throw ApiError.forbidden("Cross-origin requests to the admin endpoints are refused");
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

  private Reply ssm(Call call, HttpFront.Exchange exchange) {
    try {
      SigV4.verify(
          aws,
          "ssm",
          exchange.method(),
          exchange.rawPath(),
          exchange.rawQuery(),
          SigV4.headers(exchange.headers()),
          exchange.body(),
          Instant.now());
    } catch (SigV4.Refused e) {
      return ssmError(e.type, e.getMessage());
    }
    try {
      JsonNode request;
      try {
        request =
            exchange.body().length == 0 ? json.createObjectNode() : json.readTree(exchange.body());
      } catch (IOException e) {
        return ssmError("SerializationException", "The body is not one valid JSON object");
      }
      String target = call.header("X-Amz-Target").orElseThrow();
      return new Reply(
          200, ssm.handle(target, request, aws.accessKeyId()), null, SsmProtocol.CONTENT_TYPE);
    } catch (SsmProtocol.SsmError e) {
      return ssmError(e.type, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("SSM request failed: {}", e.toString());
      ObjectNode error =
          json.createObjectNode()
              .put("__type", "InternalServerError")
              .put("message", "Internal error");
      return new Reply(500, error, null, SsmProtocol.CONTENT_TYPE);
    }
  }

  private Reply ssmError(String type, String message) {
    ObjectNode error = json.createObjectNode().put("__type", type).put("message", message);
    return new Reply(400, error, null, SsmProtocol.CONTENT_TYPE);
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

  /** As Flywheel's input validation errors: the field at fault in {@code key}. */
  static Reply error(ApiError e) {
    Reply reply = error(e.status(), e.getMessage());
    if (e.key() != null) {
      ((ObjectNode) reply.json()).put("key", e.key());
      if (e.status() == 400) {
        ((ObjectNode) reply.json()).put("core_status_code", "input_validation_error");
      }
    }
    return reply;
  }
}
