package fwgear.tools.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.flywheel.ApiKey;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Gear;
import fwgear.tools.GearCli;
import fwgear.tools.TestRepository;
import fwgear.tools.local.ApiKeySource;
import fwgear.tools.scaffold.GearAnswers;
import fwgear.tools.scaffold.GearScaffolder;
import fwgear.tools.scaffold.Question;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./gear upload} against the local Flywheel over HTTP, on a repository holding a gear made
 * by {@code ./gear new}. The image archive is given with {@code --archive} (a docker-archive naming
 * the gear's image), so these tests need no image builder; {@code GearUploadImageTest} packages a
 * real image.
 */
class UploadCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private TestRepository repo;
  private FlywheelEmulator server;
  private FlywheelClient site;
  private final List<String> printed = new ArrayList<>();

  @BeforeEach
  void createGearAndSite() throws IOException {
    repo = TestRepository.copyOf(tmp.resolve("repo"));
    Map<Question, String> answers = new EnumMap<>(Question.class);
    answers.put(Question.GEAR_NAME, "Zebra Sync");
    for (Question question : Question.values()) {
      answers.putIfAbsent(question, question.defaultValue(answers));
    }
    GearScaffolder scaffolder =
        new GearScaffolder(
            repo.root(), repo.path("templates/gear"), LocalDate.of(2026, 11, 1), Map.of());
    scaffolder.write(scaffolder.plan(new GearAnswers(answers)));
    repo.initGit();
    server = FlywheelEmulator.start(EmulatorOptions.inMemory());
    site = FlywheelClient.connect(server.apiKey());
  }

  @AfterEach
  void stopSite() {
    server.close();
    // Whatever a test did, the API key never reached the output.
    String secret = server.apiKey().secret();
    assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain(secret));
  }

  record Result(int exitCode, String out, String err) {}

  private Result gear(String... args) {
    return gear(ApiKeySource.of(server.apiKey()), args);
  }

  private Result gear(ApiKeySource keys, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            if (type == UploadCommand.class) {
              return type.cast(new UploadCommand(keys));
            }
            return CommandLine.defaultFactory().create(type);
          }
        };
    CommandLine cli = GearCli.commandLine(factory);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--root");
    all.add(2, repo.root().toString());
    int exit = cli.execute(all.toArray(String[]::new));
    printed.add(out.toString());
    printed.add(err.toString());
    return new Result(exit, out.toString(), err.toString());
  }

  /**
   * A docker-archive's skeleton: manifest.json naming the image, as buildah and docker write it.
   */
  private Path archive(String image) throws IOException {
    String manifest =
        "[{\"Config\":\"config.json\",\"RepoTags\":[\"" + image + "\"],\"Layers\":[]}]";
    Path file = Files.createTempFile(tmp, "image", ".tar");
    Files.write(file, tar("manifest.json", manifest.getBytes(StandardCharsets.UTF_8)));
    return file;
  }

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
    Arrays.fill(header, 148, 156, (byte) ' ');
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

  private long uploads() {
    return server.requestLog().count("POST", "/api/gears/temp");
  }

  @Test
  void aNewGearIsUploadedAndTheApiListsItWithTheManifestsFields() throws Exception {
    Path archive = archive("docker.io/naccdata/zebra-sync:0.0.1");

    Result result = gear("upload", "gears/zebra_sync", "--archive", archive.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("uploaded zebra-sync 0.0.1 to 127.0.0.1:" + server.port())
        .contains("image naccdata/zebra-sync:0.0.1");
    // Listed by the API itself, every version, with the manifest's fields.
    HttpResponse<String> listing =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/gears?all_versions=true"))
                    .header("Authorization", "scitran-user " + server.apiKey().reveal())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode zebra = null;
    for (JsonNode gear : JSON.readTree(listing.body())) {
      if (gear.path("gear").path("name").asText().equals("zebra-sync")) {
        zebra = gear;
      }
    }
    assertThat(zebra).isNotNull();
    JsonNode manifest =
        JSON.readTree(repo.path("gears/zebra_sync/src/docker/manifest.json").toFile());
    assertThat(zebra.get("gear")).isEqualTo(manifest);
    assertThat(zebra.path("category").asText()).isEqualTo("utility");
    assertThat(zebra.at("/gear/custom/gear-builder/image").asText())
        .isEqualTo("naccdata/zebra-sync:0.0.1");
    assertThat(zebra.at("/exchange/rootfs-url").asText())
        .isEqualTo("/api/gears/temp/" + zebra.path("_id").asText());
    assertThat(zebra.at("/exchange/git-commit").asText())
        .isEqualTo(repo.git("rev-parse", "HEAD").strip());
    assertThat(zebra.at("/exchange/rootfs-hash").asText()).startsWith("sha256:");
  }

  @Test
  void aNewVersionIsUploadedBesideTheFirst() throws Exception {
    assertThat(
            gear(
                    "upload",
                    "zebra-sync",
                    "--archive",
                    archive("naccdata/zebra-sync:0.0.1").toString())
                .exitCode())
        .isZero();
    assertThat(gear("bump", "gears/zebra_sync", "patch").exitCode()).isZero();

    Result result =
        gear("upload", "zebra-sync", "--archive", archive("naccdata/zebra-sync:0.0.2").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(site.gearVersions("zebra-sync").stream().map(Gear::version))
        .containsExactly("0.0.2", "0.0.1");
  }

  @Test
  void aVersionTheSiteHasIsRefusedAndNothingIsSent() throws Exception {
    Path archive = archive("naccdata/zebra-sync:0.0.1");
    assertThat(gear("upload", "zebra-sync", "--archive", archive.toString()).exitCode()).isZero();
    long before = uploads();

    Result again = gear("upload", "zebra-sync", "--archive", archive.toString());

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .contains("Gear zebra-sync 0.0.1 already exists: run ./gear bump gears/zebra_sync patch");
    assertThat(uploads()).isEqualTo(before);
    assertThat(site.gearVersions("zebra-sync")).hasSize(1);
  }

  @Test
  void sinceTakesOnlyTheChangedGearsAndTheFirstRefusalStopsTheRunWithASummary() throws Exception {
    // The repository holds the project's gears too; only zebra_sync changes from here on.
    assertThat(gear("upload", "::", "--since", "HEAD", "--dry-run").out())
        .contains("no selected gear changed since HEAD: nothing to upload");
    Path archive = archive("naccdata/zebra-sync:0.0.1");
    assertThat(gear("upload", "zebra-sync", "--archive", archive.toString()).exitCode()).isZero();
    Files.writeString(repo.path("gears/zebra_sync/NOTES.md"), "a change, not a new version\n");
    long before = uploads();

    // One gear selected (so --archive is allowed), already on the site: refused, nothing sent.
    Result refused = gear("upload", "::", "--since", "HEAD", "--archive", archive.toString());

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("Gear zebra-sync 0.0.1 already exists: run ./gear bump gears/zebra_sync patch")
        .contains("nothing uploaded (" + site.baseUrl().getAuthority() + " has these versions)");
    assertThat(uploads()).isEqualTo(before);

    // Bumped, the same command uploads the new version, and only it.
    assertThat(gear("bump", "gears/zebra_sync", "patch").exitCode()).isZero();
    Result bumped =
        gear(
            "upload",
            "::",
            "--since",
            "HEAD",
            "--archive",
            archive("naccdata/zebra-sync:0.0.2").toString());
    assertThat(bumped.exitCode()).as(bumped.err()).isZero();
    assertThat(bumped.out()).contains("uploaded zebra-sync 0.0.2").doesNotContain("project");
    assertThat(uploads()).isEqualTo(before + 1);
  }

  @Test
  void sinceSelectsTheGearsWithUncommittedOrNewFilesAndNoOther() throws Exception {
    // A second gear, new since HEAD (its files are untracked); zebra_sync is committed.
    Map<Question, String> answers = new EnumMap<>(Question.class);
    answers.put(Question.GEAR_NAME, "Yak Shave");
    for (Question question : Question.values()) {
      answers.putIfAbsent(question, question.defaultValue(answers));
    }
    GearScaffolder scaffolder =
        new GearScaffolder(
            repo.root(), repo.path("templates/gear"), LocalDate.of(2026, 11, 1), Map.of());
    scaffolder.write(scaffolder.plan(new GearAnswers(answers)));

    Result result = gear("upload", "::", "--since", "HEAD", "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("would upload yak-shave 0.0.1")
        .doesNotContain("zebra-sync")
        .doesNotContain("project-management");
    assertThat(uploads()).isZero();
  }

  @Test
  void anInconsistentGearIsRefusedBeforeAnythingIsSentOrRead() throws Exception {
    // The manifest says 0.0.2, BUILD's image tag and the gear-builder image still say 0.0.1.
    Path manifest = repo.path("gears/zebra_sync/src/docker/manifest.json");
    Files.writeString(
        manifest,
        Files.readString(manifest).replace("\"version\": \"0.0.1\"", "\"version\": \"0.0.2\""));
    server.requestLog().clear();

    Result result =
        gear("upload", "zebra-sync", "--archive", tmp.resolve("no-such.tar").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("gears/zebra_sync/src/docker/manifest.json:")
        .contains("gear upload: nothing uploaded")
        .doesNotContain("no-such.tar");
    assertThat(server.requestLog().entries()).as("the site was not even asked").isEmpty();
  }

  @Test
  void anArchiveOfAnotherVersionIsRefusedAndNothingIsSent() throws Exception {
    Result result =
        gear("upload", "zebra-sync", "--archive", archive("naccdata/zebra-sync:9.9.9").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("holds naccdata/zebra-sync:9.9.9, not naccdata/zebra-sync:0.0.1");
    assertThat(uploads()).isZero();
  }

  @Test
  void aDryRunChecksAndSaysWhatItWouldSendButSendsNothing() throws Exception {
    Result result = gear("upload", "gears/zebra_sync", "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("would upload zebra-sync 0.0.1 (utility, image naccdata/zebra-sync:0.0.1)")
        .contains("package gears/zebra_sync/src/docker:zebra-sync")
        .contains("dry run, nothing packaged or sent");
    assertThat(server.requestLog().count("POST", "/api/gears.*")).isZero();
    assertThat(site.gearVersions("zebra-sync")).isEmpty();
    assertThat(repo.path("dist")).doesNotExist();
  }

  @Test
  void aSiteThatIsNotTheKeysIsRefused() throws Exception {
    Result result =
        gear("upload", "zebra-sync", "--dry-run", "--site", "https://other.flywheel.io");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("is not the site of the API key (127.0.0.1:" + server.port());
    assertThat(server.requestLog().entries()).isEmpty();
  }

  @Test
  void theKeyComesFromTheEnvironmentOrAFileNeverFromAnArgument() throws Exception {
    ApiKeySource none = new ApiKeySource(Map.of(), Optional::empty);
    Result missing = gear(none, "upload", "zebra-sync", "--dry-run");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no API key: set FW_API_KEY");

    Path keyFile = tmp.resolve("key");
    Files.writeString(keyFile, server.apiKey().reveal() + "\n");
    Result fromFile =
        gear(none, "upload", "zebra-sync", "--dry-run", "--api-key-file", keyFile.toString());
    assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();

    ApiKey wrong = ApiKey.parse("127.0.0.1:" + server.port() + ":not-a-key-of-this-site");
    Result refused = gear(ApiKeySource.of(wrong), "upload", "zebra-sync", "--dry-run");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("401").doesNotContain("not-a-key-of-this-site");
  }
}
