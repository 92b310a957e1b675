package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 means saved: the emulator runs as its own process under a concurrent create load and is
 * killed with SIGKILL (by pid); restarted on the same data folder, every project whose create was
 * answered 2xx is there exactly once, with the id it was answered with. Three rounds, each on the
 * data the previous kills left.
 */
class KillDurabilityTest {
  private static final int CLIENTS = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  /** The emulator as a separate process: prints its port and key, then serves until killed. */
  public static final class Server {
    public static void main(String[] args) throws Exception {
      FlywheelEmulator server =
          FlywheelEmulator.start(EmulatorOptions.inMemory().withDataDir(Path.of(args[0])));
      System.out.println("PORT " + server.port());
      System.out.println("KEY " + server.apiKey().reveal());
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  private record Running(Process process, URI base, String key) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  @Timeout(240)
  void everyAnsweredCreateSurvivesKillNine() throws Exception {
    Map<String, String> answered = new ConcurrentHashMap<>();
    Running server = start();
    assertThat(send(server, "POST", "/api/groups", "{\"_id\":\"durable\"}").statusCode())
        .isEqualTo(200);
    for (int round = 1; round <= 3; round++) {
      int before = answered.size();
      load(server, round, answered);
      assertThat(answered.size()).as("creates answered in round " + round).isGreaterThan(before);
      server.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
      assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

      server = start();
      assertPresentExactlyOnce(server, answered);
    }
    server.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** Clients create projects until the server is killed 0.4 to 1 s into the load. */
  private void load(Running server, int round, Map<String, String> answered) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      clients.submit(
          () -> {
            while (!stop.get()) {
              String label = "r" + round + "-" + next.incrementAndGet();
              try {
                HttpResponse<String> response =
                    send(
                        server,
                        "POST",
                        "/api/projects",
                        "{\"group\":\"durable\",\"label\":\"" + label + "\"}");
                if (response.statusCode() / 100 == 2) {
                  answered.put(label, JSON.readTree(response.body()).path("_id").asText());
                }
              } catch (IOException e) {
                return null; // the server is gone: this create's outcome is unknown
              }
            }
            return null;
          });
    }
    Thread.sleep(400 + (long) (Math.random() * 600));
    server.process().destroyForcibly();
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
  }

  private void assertPresentExactlyOnce(Running server, Map<String, String> answered)
      throws Exception {
    HttpResponse<String> listing = send(server, "GET", "/api/groups/durable/projects", null);
    assertThat(listing.statusCode()).isEqualTo(200);
    Map<String, List<String>> idsByLabel = new HashMap<>();
    for (JsonNode project : JSON.readTree(listing.body())) {
      idsByLabel
          .computeIfAbsent(project.path("label").asText(), l -> new ArrayList<>())
          .add(project.path("_id").asText());
    }
    List<String> lost = new ArrayList<>();
    answered.forEach(
        (label, id) -> {
          List<String> ids = idsByLabel.getOrDefault(label, List.of());
          if (!ids.equals(List.of(id))) {
            lost.add(label + " answered " + id + ", found " + ids);
          }
        });
    assertThat(lost).as("answered creates lost or duplicated after kill -9").isEmpty();
    idsByLabel.forEach((label, ids) -> assertThat(ids).as(label).hasSize(1));
  }

  private Running start() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Server.class.getName(),
                data.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String port = null;
    String key = null;
    String line;
    while (key == null && (line = out.readLine()) != null) {
      if (line.startsWith("PORT ")) {
        port = line.substring(5);
      } else if (line.startsWith("KEY ")) {
        key = line.substring(4);
      }
    }
    assertThat(key).as("the emulator process printed its key").isNotNull();
    return new Running(process, URI.create("http://127.0.0.1:" + port), key);
  }

  private HttpResponse<String> send(Running server, String method, String path, String body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.base().resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "scitran-user " + server.key())
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
