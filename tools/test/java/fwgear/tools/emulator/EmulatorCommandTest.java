package fwgear.tools.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.flywheel.ApiKey;
import fwgear.flywheel.FlywheelClient;
import fwgear.tools.GearCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EmulatorCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheAddressAndAKeyThatWorks() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = GearCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread running =
        new Thread(
            () -> exit.set(cli.execute("emulator", "--port", "0", "--data", dir.toString())));
    running.start();
    try {
      Matcher address =
          waitFor(
              out, Pattern.compile("Flywheel emulator listening on http://127\\.0\\.0\\.1:(\\d+)"));
      Matcher key = waitFor(out, Pattern.compile("API key: (\\S+)"));
      ApiKey apiKey = ApiKey.parse(key.group(1));

      assertThat(apiKey.port()).isEqualTo(Integer.parseInt(address.group(1)));
      assertThat(FlywheelClient.connect(apiKey).whoAmI().id()).isEqualTo("admin@nacc.example");
      assertThat(Files.list(dir)).isNotEmpty();

      // S3 on a port of its own, printed on its own line; s3proxy answers there (403 unsigned).
      Matcher s3 =
          waitFor(out, Pattern.compile("(?m)^S3 endpoint: (http://127\\.0\\.0\\.1:(\\d+))$"));
      assertThat(Integer.parseInt(s3.group(2))).isNotEqualTo(apiKey.port());
      java.net.http.HttpResponse<String> answer =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(s3.group(1) + "/"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(answer.body()).contains("AccessDenied");
      assertThat(dir.resolve("s3")).isDirectory();

      // The REDCap API on the server's own port, at its own path: POST only (501 otherwise).
      Matcher redcap =
          waitFor(
              out,
              Pattern.compile("(?m)^REDCap API: (http://127\\.0\\.0\\.1:(\\d+)/redcap/api/)$"));
      assertThat(Integer.parseInt(redcap.group(2))).isEqualTo(apiKey.port());
      assertThat(
              java.net.http.HttpClient.newHttpClient()
                  .send(
                      java.net.http.HttpRequest.newBuilder(java.net.URI.create(redcap.group(1)))
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(501);
    } finally {
      running.interrupt();
      running.join(10_000);
    }
    assertThat(exit).hasValue(0);
  }

  @Test
  void aBadSeedIsBadInput() throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, "users: {not: a list}\n");
    StringWriter err = new StringWriter();
    CommandLine cli = GearCli.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("emulator", "--port", "0", "--in-memory", "--seed", seed.toString());

    assertThat(exit).isEqualTo(fwgear.tools.ExitCode.BAD_INPUT.code());
    assertThat(err.toString()).contains("seed.yaml:1").contains("users must be a list");
  }

  private static Matcher waitFor(StringWriter out, Pattern pattern) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Matcher matcher = pattern.matcher(out.toString());
      if (matcher.find()) {
        return matcher;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no line matching " + pattern + " in: " + out);
  }
}
