package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.flywheel.Filters;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.FlywheelException;
import fwgear.flywheel.Gear;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gear registration on the local Flywheel through the client: the legacy upload of an image archive
 * ({@code POST /api/gears/temp}), versions listed, duplicates refused with the real API's message,
 * the archive kept in the data folder across a restart.
 */
class GearUploadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  /** A tar with one file, as {@code tar --format=ustar} writes it. */
  static byte[] tar(String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, String.format("%011o", 0));
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    out.writeBytes(header);
    out.writeBytes(content);
    out.writeBytes(new byte[(512 - content.length % 512) % 512]);
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private Path archive(String image, int padding) throws IOException {
    String manifest =
        "[{\"Config\":\"config.json\",\"RepoTags\":[\"" + image + "\"],\"Layers\":[]}]";
    byte[] content = manifest.getBytes(StandardCharsets.UTF_8);
    Path file = Files.createTempFile(temp, "gear", ".tar");
    byte[] tar = tar("manifest.json", content);
    Files.write(file, tar);
    if (padding > 0) {
      Files.write(file, new byte[padding], java.nio.file.StandardOpenOption.APPEND);
    }
    return file;
  }

  private static ObjectNode document(String name, String version) {
    ObjectNode document = JSON.createObjectNode();
    document.put("category", "utility");
    ObjectNode gear = document.putObject("gear");
    gear.put("name", name);
    gear.put("label", "Zebra sync");
    gear.put("version", version);
    gear.putObject("custom")
        .putObject("gear-builder")
        .put("image", "naccdata/" + name + ":" + version);
    document.putObject("exchange").put("git-commit", "0123456789abcdef0123456789abcdef01234567");
    return document;
  }

  private static byte[] get(FlywheelEmulator server, String path) throws Exception {
    HttpResponse<byte[]> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Authorization", "scitran-user " + server.apiKey().reveal())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return answer.body();
  }

  @Test
  void anUploadedGearIsListedWithItsManifestAndItsArchiveIsServed() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      FlywheelClient client = FlywheelClient.connect(server.apiKey());
      Path archive = archive("naccdata/zebra-sync:0.0.1", 0);

      String id = client.uploadGear(document("zebra-sync", "0.0.1"), archive);

      Gear gear = client.lookupGear("zebra-sync", "0.0.1").orElseThrow();
      assertThat(gear.id()).isEqualTo(id);
      assertThat(gear.category()).isEqualTo("utility");
      assertThat(gear.gear().path("label").asText()).isEqualTo("Zebra sync");
      assertThat(gear.gear().at("/custom/gear-builder/image").asText())
          .isEqualTo("naccdata/zebra-sync:0.0.1");
      byte[] bytes = Files.readAllBytes(archive);
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      assertThat(gear.exchange().path("rootfs-hash").asText()).isEqualTo("sha256:" + hash);
      assertThat(gear.exchange().path("rootfs-url").asText()).isEqualTo("/api/gears/temp/" + id);
      assertThat(gear.exchange().path("git-commit").asText())
          .isEqualTo("0123456789abcdef0123456789abcdef01234567");
      assertThat(get(server, "/api/gears/temp/" + id)).isEqualTo(bytes);
      JsonNode byId = JSON.readTree(get(server, "/api/gears/" + id));
      assertThat(byId.path("gear").path("version").asText()).isEqualTo("0.0.1");
    }
  }

  @Test
  void versionsAreListedNewestFirstAndTheDefaultListingHasTheLatestOnly() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      FlywheelClient client = FlywheelClient.connect(server.apiKey());
      client.uploadGear(document("zebra-sync", "0.0.1"), archive("naccdata/zebra-sync:0.0.1", 0));
      client.uploadGear(document("zebra-sync", "0.0.2"), archive("naccdata/zebra-sync:0.0.2", 0));

      assertThat(client.gearVersions("zebra-sync").stream().map(Gear::version))
          .containsExactly("0.0.2", "0.0.1");
      assertThat(
              client.findGears(Filters.eq("gear.name", "zebra-sync")).stream().map(Gear::version))
          .containsExactly("0.0.2");
      JsonNode all = JSON.readTree(get(server, "/api/gears?all_versions=true"));
      assertThat(all.findValuesAsText("version")).contains("0.0.1", "0.0.2");
    }
  }

  @Test
  void aVersionTheSiteHasIsRefusedWith409AndTheRealMessage() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      FlywheelClient client = FlywheelClient.connect(server.apiKey());
      client.uploadGear(document("zebra-sync", "0.0.1"), archive("naccdata/zebra-sync:0.0.1", 0));

      assertThatThrownBy(
              () ->
                  client.uploadGear(
                      document("zebra-sync", "0.0.1"), archive("naccdata/zebra-sync:0.0.1", 0)))
          .isInstanceOfSatisfying(
              FlywheelException.class, e -> assertThat(e.status()).isEqualTo(409))
          .hasMessageContaining(
              "Gear \"zebra-sync\" version \"0.0.1\" already exists, consider changing the version"
                  + " string.");
      assertThat(client.gearVersions("zebra-sync")).hasSize(1);
      assertThat(server.store().usage().blobs()).as("the refused archive is not kept").isEqualTo(1);
    }
  }

  @Test
  void anArchiveThatIsNoTarIsRefused() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      FlywheelClient client = FlywheelClient.connect(server.apiKey());
      Path notTar = temp.resolve("image.txt");
      Files.writeString(notTar, "not an archive");

      assertThatThrownBy(() -> client.uploadGear(document("zebra-sync", "0.0.1"), notTar))
          .isInstanceOfSatisfying(
              FlywheelException.class, e -> assertThat(e.status()).isEqualTo(400))
          .hasMessageContaining("is not a tar file");
      assertThat(client.gearVersions("zebra-sync")).isEmpty();
    }
  }

  @Test
  void onlySiteAdminsUploadGears() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      FlywheelClient reader =
          FlywheelClient.connect(server.apiKey("reader@nacc.example").orElseThrow());

      assertThatThrownBy(
              () ->
                  reader.uploadGear(
                      document("zebra-sync", "0.0.1"), archive("naccdata/zebra-sync:0.0.1", 0)))
          .isInstanceOfSatisfying(
              FlywheelException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
  }

  @Test
  void aGearArchiveMayBeLargerThanOtherBodiesAndSurvivesARestart() throws Exception {
    EmulatorOptions options = EmulatorOptions.inMemory().withDataDir(temp.resolve("data"));
    // Larger than the 64 MB limit of other requests, as a gear image is (134 MB).
    Path archive = archive("naccdata/zebra-sync:1.0.0", 70 << 20);
    String id;
    try (FlywheelEmulator server = FlywheelEmulator.start(options)) {
      id =
          FlywheelClient.connect(server.apiKey())
              .uploadGear(document("zebra-sync", "1.0.0"), archive);
    }
    try (FlywheelEmulator server = FlywheelEmulator.start(options)) {
      FlywheelClient client = FlywheelClient.connect(server.apiKey());
      assertThat(client.gearVersions("zebra-sync").stream().map(Gear::id)).containsExactly(id);
      byte[] served = get(server, "/api/gears/temp/" + id);
      assertThat(served.length).isEqualTo(Files.size(archive));
      assertThat(MessageDigest.getInstance("SHA-256").digest(served))
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
      assertThat(server.store().usage().blobs()).isEqualTo(1);
    }
  }
}
