package fwgear.tools.upload;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Gear;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gear upload gears/project_management} with the real builder: the gear is packaged (not
 * rebuilt when its image is current), written as a docker-archive carrying the manifest's image,
 * and sent to the local Flywheel, which lists it and serves the same bytes back.
 */
@Tag("image")
class GearUploadImageTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void projectManagementIsPackagedAndUploadedWithItsImageArchive() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      UploadService service =
          new UploadService(
              Repository.load(ROOT, System.getenv()),
              new UploadService.Options(false, false, Optional.empty()),
              new PrintWriter(out, true),
              new PrintWriter(err, true));
      FlywheelClient site = FlywheelClient.connect(server.apiKey());

      var exit = service.upload(Specs.parse(List.of("gears/project_management::")), site);

      assertThat(exit).as(out + "\n" + err).isEqualTo(fwgear.tools.ExitCode.OK);
      assertThat(out.toString()).contains("uploaded project-management 1.0.0");
      Path archive =
          ROOT.resolve(
              "dist/gears.project_management.src.docker/project-management.docker-archive.tar");
      ImageArchive written = ImageArchive.read(archive);
      assertThat(written.carries("naccdata/project-management:1.0.0")).isTrue();
      Gear gear = site.lookupGear("project-management", "1.0.0").orElseThrow();
      assertThat(gear.category()).isEqualTo("utility");
      byte[] served =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              server.baseUrl() + gear.exchange().path("rootfs-url").asText()))
                      .header("Authorization", "scitran-user " + server.apiKey().reveal())
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray())
              .body();
      assertThat(served.length).isEqualTo(Files.size(archive));
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served));
      assertThat(gear.exchange().path("rootfs-hash").asText()).isEqualTo("sha256:" + hash);
      assertThat(out.toString() + err).doesNotContain(server.apiKey().secret());
    }
  }
}
