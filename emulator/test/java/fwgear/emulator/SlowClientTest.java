package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Limits of the HTTP side: stalled clients, oversized bodies, transport errors as JSON. */
class SlowClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private FlywheelEmulator server;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = FlywheelEmulator.start(EmulatorOptions.inMemory().withMaxBodyBytes(1 << 20));
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    server.close();
  }

  private Socket open() throws Exception {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    sockets.add(socket);
    return socket;
  }

  @Test
  void fortyStalledClientsDoNotDelayANormalRequest() throws Exception {
    String key = server.apiKey().reveal();
    for (int i = 0; i < 40; i++) {
      OutputStream out = open().getOutputStream();
      if (i % 2 == 0) {
        // Headers never finished.
        out.write(
            "GET /api/version HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        // Headers done, body promised, 10 of 1,000 bytes sent.
        out.write(
            ("POST /api/groups HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: scitran-user "
                    + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"_id\": \"")
                .getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    }
    Thread.sleep(200);

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long started = System.nanoTime();
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/users/self"))
                .header("Authorization", "scitran-user " + key)
                .timeout(Duration.ofSeconds(1))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(millis).as("answered within 1 s with 40 stalled clients").isLessThan(1000);
  }

  /**
   * The server answers 413 as soon as it knows (from Content-Length, or once a chunked body has
   * gone over the limit) and then closes the connection. So that the answer is read whatever the
   * timing, the client sends nothing after the point where the server can decide: a declared length
   * with no body at all; a chunked body that ends right after its byte over the limit.
   */
  @Test
  void aBodyOverTheLimitIs413InTheJsonErrorShape() throws Exception {
    String key = server.apiKey().reveal();
    Socket declared = open();
    declared.setSoTimeout(5000);
    declared
        .getOutputStream()
        .write(
            ("POST /api/groups HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: scitran-user "
                    + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + ((1 << 20) + 1)
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    String first = new String(readSome(declared.getInputStream()), StandardCharsets.UTF_8);
    assertThat(first).startsWith("HTTP/1.1 413");
    assertThat(
            JSON.readTree(first.substring(first.indexOf("\r\n\r\n") + 4))
                .path("status_code")
                .asInt())
        .isEqualTo(413);

    // Chunked, no Content-Length: the limit holds while reading.
    Socket chunked = open();
    chunked.setSoTimeout(5000);
    OutputStream out = chunked.getOutputStream();
    out.write(
        ("POST /api/groups HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: scitran-user "
                + key
                + "\r\nTransfer-Encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < 16; i++) { // exactly the limit: 1 MiB
      out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(chunk);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write("1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)); // one byte over, in one write
    out.flush();
    String reply = new String(readSome(chunked.getInputStream()), StandardCharsets.UTF_8);
    assertThat(reply).startsWith("HTTP/1.1 413");
    assertThat(reply).contains("\"status_code\":413");
    assertThat(server.store().get("groups", "x")).isEmpty();
  }

  @Test
  void aMalformedRequestIsAnsweredInTheJsonErrorShape() throws Exception {
    Socket socket = open();
    socket.getOutputStream().write("BROKEN\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String reply = new String(readSome(socket.getInputStream()), StandardCharsets.UTF_8);
    assertThat(reply).startsWith("HTTP/1.1 400");
    String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
    JsonNode error = JSON.readTree(body);
    assertThat(error.path("status_code").asInt()).isEqualTo(400);
    assertThat(error.path("message").asText()).isNotBlank();
  }

  private static byte[] readSome(InputStream in) throws Exception {
    byte[] buffer = new byte[8192];
    int total = 0;
    long deadline = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < deadline && total < buffer.length) {
      int n = in.read(buffer, total, buffer.length - total);
      if (n < 0) {
        break;
      }
      total += n;
      String text = new String(buffer, 0, total, StandardCharsets.UTF_8);
      int head = text.indexOf("\r\n\r\n");
      if (head >= 0 && text.contains("}")) {
        break;
      }
    }
    return java.util.Arrays.copyOf(buffer, total);
  }
}
