package fwgear.emulator;

import static fwgear.emulator.RedcapApiTest.naccRequest;
import static fwgear.emulator.RedcapApiTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * {@code /__admin/redcap}: REDCap projects added at run time over HTTP, durable, strictly checked,
 * for the site admin only; and {@code /__admin/reset} giving back the seed's REDCap projects and S3
 * objects.
 */
class RedcapAdminTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "FEDCBA9876543210FEDCBA9876543210";
  private static final String PROJECT =
      """
      {"project": "run-time", "token": "%s",
       "reports": [{"id": 7, "records": [{"record_id": "1", "email": "a@b.example", "n": 12,
                                          "ok": true, "blank": null}]},
                   {"id": "8"}]}
      """
          .formatted(TOKEN);

  @TempDir Path temp;

  private static Answer admin(FlywheelEmulator server, String method, String path, String body)
      throws Exception {
    return Answer.send(server, method, path, body, server.apiKey().reveal());
  }

  private static JsonNode report(FlywheelEmulator server, String token, String id)
      throws Exception {
    HttpResponse<String> answer = post(server.redcapUrl(), naccRequest(token, id));
    return JSON.readTree(answer.body());
  }

  @Test
  void aProjectAddedAtRunTimeIsServedAndSurvivesARestart() throws Exception {
    Path data = temp.resolve("data");
    try (FlywheelEmulator server =
        FlywheelEmulator.start(EmulatorOptions.inMemory().withDataDir(data))) {
      Answer added = admin(server, "POST", "/__admin/redcap", PROJECT);

      assertThat(added.status()).isEqualTo(200);
      assertThat(added.body())
          .isEqualTo(JSON.readTree("{\"project\":\"run-time\",\"reports\":{\"7\":1,\"8\":0}}"));
      assertThat(report(server, TOKEN, "7"))
          .isEqualTo(
              JSON.readTree(
                  "[{\"record_id\":\"1\",\"email\":\"a@b.example\",\"n\":\"12\",\"ok\":\"true\","
                      + "\"blank\":\"\"}]"));
      assertThat(report(server, TOKEN, "8")).isEqualTo(JSON.readTree("[]"));
      // The seed's project is still there, and the list never shows a token.
      Answer list = admin(server, "GET", "/__admin/redcap", null);
      assertThat(list.body().findValuesAsText("project"))
          .containsExactly("nacc-directory", "run-time");
      assertThat(list.body().toString()).doesNotContain(TOKEN).doesNotContain("0A1B2C3D4E5F");
    }
    try (FlywheelEmulator again =
        FlywheelEmulator.start(EmulatorOptions.inMemory().withDataDir(data))) {
      assertThat(again.seeded()).isFalse();
      assertThat(report(again, TOKEN, "7").get(0).path("email").asText()).isEqualTo("a@b.example");
    }
  }

  @Test
  void putReplacesAProjectsTokenAndReportsWhole() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      assertThat(admin(server, "POST", "/__admin/redcap", PROJECT).status()).isEqualTo(200);

      Answer replaced =
          admin(
              server,
              "PUT",
              "/__admin/redcap/run-time",
              "{\"token\": \"ABC123\", \"reports\": [{\"id\": 9, \"records\": [{\"record_id\":"
                  + " \"2\"}]}]}");

      assertThat(replaced.status()).isEqualTo(200);
      assertThat(replaced.body().path("reports")).isEqualTo(JSON.readTree("{\"9\":1}"));
      assertThat(report(server, "ABC123", "9").get(0).path("record_id").asText()).isEqualTo("2");
      assertThat(report(server, TOKEN, "7").path("error").asText())
          .isEqualTo("You do not have permissions to use the API");
      // PUT adds a project that is not there yet.
      assertThat(
              admin(server, "PUT", "/__admin/redcap/new%20one", "{\"token\": \"NEW1\"}").status())
          .isEqualTo(200);
      assertThat(server.store().ids(Redcap.KIND))
          .containsExactly("nacc-directory", "new one", "run-time");
    }
  }

  @Test
  void aTakenNameOrTokenIs409AndStoresNothing() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      assertThat(admin(server, "POST", "/__admin/redcap", PROJECT).status()).isEqualTo(200);
      String before = server.store().list(Redcap.KIND).toString();

      Answer sameName = admin(server, "POST", "/__admin/redcap", PROJECT.replace(TOKEN, "OTHER1"));
      Answer seedsToken =
          admin(
              server,
              "POST",
              "/__admin/redcap",
              "{\"project\": \"copy\", \"token\": \"0A1B2C3D4E5F60718293A4B5C6D7E8F9\"}");
      Answer putOthersToken =
          admin(
              server,
              "PUT",
              "/__admin/redcap/run-time",
              "{\"token\": \"0A1B2C3D4E5F60718293A4B5C6D7E8F9\"}");

      assertThat(sameName.status()).isEqualTo(409);
      assertThat(sameName.body().path("message").asText()).contains("run-time exists");
      assertThat(seedsToken.status()).isEqualTo(409);
      assertThat(seedsToken.body().path("message").asText())
          .isEqualTo("The token of REDCap project copy is another project's")
          .doesNotContain("0A1B2C3D");
      assertThat(putOthersToken.status()).isEqualTo(409);
      assertThat(server.store().list(Redcap.KIND).toString()).isEqualTo(before);
      assertThat(report(server, TOKEN, "7")).hasSize(1);
    }
  }

  @Test
  void badInputIs400NamingTheKeyAndStoresNothing() throws Exception {
    Map<String, String> bodies =
        Map.ofEntries(
            Map.entry("{\"project\": \"p\", \"token\": \"T1\", \"tokn\": \"x\"}", "tokn"),
            Map.entry("{\"token\": \"T1\"}", "project"),
            Map.entry("{\"project\": \"  \", \"token\": \"T1\"}", "project"),
            Map.entry("{\"project\": \"p\", \"token\": \"not-a-token\"}", "token"),
            Map.entry("{\"project\": \"p\", \"token\": 12}", "token"),
            Map.entry("{\"project\": \"p\", \"token\": \"T1\", \"reports\": {}}", "reports"),
            Map.entry(
                "{\"project\": \"p\", \"token\": \"T1\", \"reports\": [{\"id\": \"seven\"}]}",
                "reports.0.id"),
            Map.entry(
                "{\"project\": \"p\", \"token\": \"T1\", \"reports\": [{\"id\": 1.5}]}",
                "reports.0.id"),
            Map.entry(
                "{\"project\": \"p\", \"token\": \"T1\", \"reports\": [{\"id\": 1}, {\"id\": 1}]}",
                "reports.1.id"),
            Map.entry(
                "{\"project\": \"p\", \"token\": \"T1\", \"reports\": [{\"id\": 1, \"rows\": []}]}",
                "reports.0.rows"),
            Map.entry(
                "{\"project\": \"p\", \"token\": \"T1\", \"reports\": [{\"id\": 1, \"records\":"
                    + " [{\"a\": \"1\"}, \"x\"]}]}",
                "reports.0.records.1"),
            Map.entry(
                "{\"project\": \"p\", \"token\": \"T1\", \"reports\": [{\"id\": 1, \"records\":"
                    + " [{\"email\": {\"a\": 1}}]}]}",
                "reports.0.records.0.email"));
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      String before = server.store().list(Redcap.KIND).toString();
      for (Map.Entry<String, String> bad : bodies.entrySet()) {
        Answer answer = admin(server, "POST", "/__admin/redcap", bad.getKey());
        assertThat(answer.status()).as(bad.getKey()).isEqualTo(400);
        assertThat(answer.body().path("key").asText()).as(bad.getKey()).isEqualTo(bad.getValue());
        assertThat(answer.body().path("message").asText()).as(bad.getKey()).isNotBlank();
      }
      for (String notAnObject : List.of("", "[]", "{\"project\": \"p\",", "{\"a\":1,\"a\":2}")) {
        assertThat(admin(server, "POST", "/__admin/redcap", notAnObject).status())
            .as(notAnObject)
            .isEqualTo(400);
      }
      Answer mismatch =
          admin(server, "PUT", "/__admin/redcap/p", "{\"project\": \"q\", \"token\": \"T1\"}");
      assertThat(mismatch.status()).isEqualTo(400);
      assertThat(mismatch.body().path("key").asText()).isEqualTo("project");
      assertThat(admin(server, "DELETE", "/__admin/redcap", null).status()).isEqualTo(404);
      assertThat(server.store().list(Redcap.KIND).toString()).isEqualTo(before);
    }
  }

  @Test
  void onlyTheSiteAdminFromTheSameOriginMayAdd() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      String curator = server.apiKey("curator@nacc.example").orElseThrow().reveal();
      String admin = server.apiKey().reveal();

      Answer notAdmin = Answer.send(server, "POST", "/__admin/redcap", PROJECT, curator);
      Answer noKey = Answer.send(server, "POST", "/__admin/redcap", PROJECT, null);
      Answer crossOrigin =
          Answer.send(
              server, "POST", "/__admin/redcap", PROJECT, admin, "Origin", "http://evil.example");

      assertThat(notAdmin.status()).isEqualTo(403);
      assertThat(noKey.status()).isEqualTo(401);
      assertThat(crossOrigin.status()).isEqualTo(403);
      assertThat(server.store().ids(Redcap.KIND)).containsExactly("nacc-directory");
    }
  }

  @Test
  void resetGivesBackTheSeedsRedcapProjectsAndS3Objects() throws Exception {
    Path data = temp.resolve("data");
    try (FlywheelEmulator server =
            FlywheelEmulator.start(EmulatorOptions.inMemory().withDataDir(data).withS3(0));
        S3Client s3 = S3EndpointTest.client(server)) {
      assertThat(admin(server, "POST", "/__admin/redcap", PROJECT).status()).isEqualTo(200);
      s3.createBucket(b -> b.bucket("scratch"));
      s3.putObject(
          b -> b.bucket("nacc-metadata").key("added.csv"),
          software.amazon.awssdk.core.sync.RequestBody.fromString("x"));

      assertThat(admin(server, "POST", "/__admin/reset", null).status()).isEqualTo(200);

      assertThat(server.store().ids(Redcap.KIND)).containsExactly("nacc-directory");
      assertThat(report(server, TOKEN, "7").path("error").asText()).isNotEmpty();
      assertThat(report(server, "0A1B2C3D4E5F60718293A4B5C6D7E8F9", "101")).isNotEmpty();
      assertThat(s3.listBuckets().buckets())
          .extracting(Bucket::name)
          .containsExactly("nacc-metadata");
      assertThat(s3.listObjectsV2(b -> b.bucket("nacc-metadata")).contents()).isEmpty();
      assertThat(data.resolve(S3Server.FOLDER).resolve("scratch")).doesNotExist();
    }
  }
}
