package fwgear.tools.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.tools.TestRepository;
import fwgear.tools.maven.Reactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./gear new} on a temporary copy of this repository, run as a user runs it. */
class NewCommandTest {
  @TempDir Path tmp;

  @Test
  void yesWithAGearNameWritesTheSeedLayoutAndRegistersTheModule() throws Exception {
    TestRepository repo = TestRepository.copyOf(tmp);

    TestRepository.Result result = repo.gear("new", "--yes", "--gear-name", "Zebra Sync");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Created the gear zebra-sync in gears/zebra_sync");
    for (String file :
        new String[] {
          "gears/zebra_sync/pom.xml",
          "gears/zebra_sync/src/docker/BUILD",
          "gears/zebra_sync/src/docker/Dockerfile",
          "gears/zebra_sync/src/docker/manifest.json",
          "gears/zebra_sync/src/docker/.gitignore",
          "gears/zebra_sync/src/java/zebra_sync_app/BUILD",
          "gears/zebra_sync/src/java/zebra_sync_app/Run.java",
          "gears/zebra_sync/src/java/zebra_sync_app/Main.java",
          "gears/zebra_sync/test/java/zebra_sync_app/BUILD",
          "gears/zebra_sync/test/java/zebra_sync_app/MainTest.java",
          "docs/zebra_sync/index.md",
          "docs/zebra_sync/CHANGELOG.md"
        }) {
      assertThat(repo.path(file)).as(file).isRegularFile();
    }

    JsonNode manifest =
        new ObjectMapper().readTree(repo.read("gears/zebra_sync/src/docker/manifest.json"));
    assertThat(manifest.path("name").asText()).isEqualTo("zebra-sync");
    assertThat(manifest.path("label").asText()).isEqualTo("Zebra Sync");
    assertThat(manifest.path("version").asText()).isEqualTo("0.0.1");
    assertThat(manifest.at("/custom/gear-builder/image").asText())
        .isEqualTo("naccdata/zebra-sync:0.0.1");
    assertThat(manifest.at("/inputs/api-key/base").asText()).isEqualTo("api-key");
    assertThat(manifest.at("/config/dry_run/type").asText()).isEqualTo("boolean");
    assertThat(manifest.path("command").asText()).isEqualTo("/bin/run");

    assertThat(repo.read("gears/zebra_sync/src/docker/BUILD"))
        .contains("name=\"zebra-sync\"")
        .contains("\"gears/zebra_sync/src/java/zebra_sync_app:bin\"")
        .contains("image_tags=[\"0.0.1\", \"latest\"]");
    assertThat(repo.read("gears/zebra_sync/src/java/zebra_sync_app/BUILD"))
        .contains("main=\"zebra_sync_app.Run\"");
    assertThat(repo.read("gears/zebra_sync/src/docker/Dockerfile"))
        .contains("ARG JDK_IMAGE=docker.io/library/eclipse-temurin:25-jdk")
        .contains("ARG BASE_IMAGE=docker.io/library/debian:bookworm-slim")
        .contains("COPY --from=runtime /opt/gear-java /opt/java/openjdk")
        .contains("COPY gears/zebra_sync/src/docker/manifest.json /flywheel/v0/manifest.json")
        .contains("COPY gears.zebra_sync.src.java.zebra_sync_app/bin.jar /bin/run");
    assertThat(repo.read("gears/zebra_sync/src/docker/.gitignore")).contains("config.json");
    assertThat(repo.read("docs/zebra_sync/CHANGELOG.md"))
        .contains("## Unreleased")
        .contains("## 0.0.1 - " + LocalDate.now());

    Reactor reactor = Reactor.load(repo.root());
    assertThat(reactor.modules()).containsKey(Path.of("gears/zebra_sync"));
    assertThat(reactor.modules().get(Path.of("gears/zebra_sync")).dependencies())
        .contains("io.fwgear:common");
    assertThat(repo.read("pom.xml"))
        .contains("    <module>gears/zebra_sync</module>\n  </modules>");
  }

  @Test
  void interactivePromptsTakeTypedAnswers() {
    TestRepository repo = TestRepository.copyOf(tmp);

    TestRepository.Result result =
        repo.gearWithInput("Quagga Count\nCounts quaggas.\n\nquagga\n\nQuagga\n1.0.0\n\n\n", "new");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Gear name [My Gear]:").contains("Module name");
    assertThat(repo.path("gears/quagga/src/java/quagga_app/Run.java")).isRegularFile();
    assertThat(repo.read("gears/quagga/src/docker/manifest.json"))
        .contains("\"name\": \"quagga-count\"")
        .contains("\"description\": \"Counts quaggas.\"")
        .contains("\"image\": \"naccdata/quagga-count:1.0.0\"");
  }

  @Test
  void aBadExplicitNameIsRefusedWithExitTwoAndNothingWritten() {
    TestRepository repo = TestRepository.copyOf(tmp);
    Map<String, String> before = repo.snapshot();

    TestRepository.Result result =
        repo.gear("new", "--yes", "--gear-name", "Zebra Sync", "--module-name", "Zebra Sync");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("--module-name: the module name 'Zebra Sync' must start with a lower-case letter")
        .contains("nothing written");
    assertThat(repo.snapshot()).isEqualTo(before);
  }

  @Test
  void anExistingGearIsRefusedWithExitTwoAndNothingWritten() {
    TestRepository repo = TestRepository.copyOf(tmp);
    assertThat(repo.gear("new", "--yes", "--gear-name", "Zebra Sync").exitCode()).isZero();
    Map<String, String> before = repo.snapshot();

    TestRepository.Result sameFolder = repo.gear("new", "--yes", "--gear-name", "Zebra Sync");
    TestRepository.Result sameName =
        repo.gear("new", "--yes", "--gear-name", "Zebra Sync", "--module-name", "other_zebra");

    assertThat(sameFolder.exitCode()).isEqualTo(2);
    assertThat(sameFolder.err()).contains("a gear folder gears/zebra_sync exists");
    assertThat(sameName.exitCode()).isEqualTo(2);
    assertThat(sameName.err())
        .contains("the gear gears/zebra_sync is named 'zebra-sync' (--package-name)");
    assertThat(repo.snapshot()).isEqualTo(before);
  }

  @Test
  void aGearIsRefusedWhenItsDocsFolderExistsAndNothingIsWritten() {
    TestRepository repo = TestRepository.copyOf(tmp);
    repo.write("docs/zebra_sync/notes.md", "mine\n");
    Map<String, String> before = repo.snapshot();

    TestRepository.Result result = repo.gear("new", "--yes", "--gear-name", "Zebra Sync");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("a docs folder docs/zebra_sync exists");
    assertThat(repo.snapshot()).isEqualTo(before);
    assertThat(Files.exists(repo.path("gears"))).isFalse();
  }
}
