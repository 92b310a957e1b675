package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.emulator.EmulatorOptions;
import fwgear.emulator.FlywheelEmulator;
import fwgear.flywheel.FlywheelClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigCommandTest {
  private static final String KEY = "127.0.0.1:8123:s3cr3t-k3y-value";
  private static final String SECRET = "s3cr3t-k3y-value";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ApiKeySource NO_KEY = new ApiKeySource(Map.of(), Optional::empty);

  @TempDir Path temp;
  FixtureRepository repo;

  @BeforeEach
  void copyFixture() throws IOException {
    repo = FixtureRepository.copyTo(temp);
  }

  private JsonNode configJson() throws IOException {
    return JSON.readTree(repo.configFile().toFile());
  }

  @Test
  void newWritesTheManifestDefaults() throws IOException {
    var result = repo.gear(NO_KEY, "config", "gears/sample", "--new");

    assertThat(result.exitCode()).isZero();
    JsonNode config = configJson();
    assertThat(config.get("config"))
        .isEqualTo(
            JSON.readTree(
                "{\"debug\":false,\"speed\":2,\"mode\":\"fast\",\"ids\":[],\"exit_code\":0}"));
    assertThat(config.get("inputs").isEmpty()).isTrue();
    assertThat(config.get("destination").isEmpty()).isTrue();
  }

  @Test
  void theGearCanBeNamedByItsManifestName() throws IOException {
    assertThat(repo.gear(NO_KEY, "config", "sample-gear", "--new").exitCode()).isZero();
    assertThat(Files.exists(repo.configFile())).isTrue();
  }

  @Test
  void anUnknownGearIsBadUsageListingTheGears() {
    var result = repo.gear(NO_KEY, "config", "no-such-gear", "--new");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("no gear 'no-such-gear'")
        .contains("gears/sample (sample-gear)");
  }

  @Test
  void valuesAreTypedByTheManifest() throws IOException {
    var result =
        repo.gear(
            NO_KEY,
            "config",
            "gears/sample",
            "-c",
            "speed=3",
            "-c",
            "debug=true",
            "-c",
            "ratio=0.5",
            "-c",
            "mode=slow",
            "-c",
            "ids=[1, 2, 3]");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode config = configJson().get("config");
    assertThat(config.get("speed").isInt()).isTrue();
    assertThat(config.get("speed").asInt()).isEqualTo(3);
    assertThat(config.get("debug").isBoolean()).isTrue();
    assertThat(config.get("debug").asBoolean()).isTrue();
    assertThat(config.get("ratio").asDouble()).isEqualTo(0.5);
    assertThat(config.get("mode").asText()).isEqualTo("slow");
    assertThat(config.get("ids").toString()).isEqualTo("[1,2,3]");
    // A config.json that did not exist starts from the defaults.
    assertThat(config.get("exit_code").asInt()).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "colour=red    | the manifest has no config key 'colour'",
        "speed=fast    | \"fast\" is not an integer",
        "speed=4       | speed:",
        "debug=yes     | is not a boolean",
        "mode=medium   | mode:",
        "ids=[1, \"a\"] | ids:",
        "ids=1,2       | is not a JSON array",
        "speed         | expected key=value",
      })
  void aRefusedValueExitsTwoWithTheReasonAndLeavesTheFileAsItWas(String assignment, String reason)
      throws IOException {
    repo.gear(NO_KEY, "config", "gears/sample", "--new", "-c", "speed=1");
    byte[] before = Files.readAllBytes(repo.configFile());

    var result = repo.gear(NO_KEY, "config", "gears/sample", "-c", "debug=true", "-c", assignment);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("-c " + assignment).contains(reason);
    assertThat(Files.readAllBytes(repo.configFile())).isEqualTo(before);
  }

  @Test
  void everyRefusedChangeIsReportedAtOnce() {
    var result =
        repo.gear(
            NO_KEY, "config", "gears/sample", "-c", "speed=9", "-c", "colour=red", "-i", "nope=x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("speed=9").contains("colour=red").contains("-i nope=****");
    assertThat(Files.exists(repo.configFile())).isFalse();
  }

  @Test
  void aFileInputRecordsItsPathNameAndFileObject() throws IOException {
    var result =
        repo.gear(NO_KEY, "config", "gears/sample", "-i", "data_file=gears/sample/data/input.yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode input = configJson().get("inputs").get("data_file");
    assertThat(input.get("base").asText()).isEqualTo("file");
    assertThat(input.at("/location/path").asText()).isEqualTo("gears/sample/data/input.yaml");
    assertThat(input.at("/location/name").asText()).isEqualTo("input.yaml");
    assertThat(input.at("/object/type").asText()).isEqualTo("source code");
    assertThat(input.at("/object/size").asLong())
        .isEqualTo(Files.size(repo.root.resolve("gears/sample/data/input.yaml")));
    assertThat(input.at("/object/mimetype").asText()).isEqualTo("application/octet-stream");
  }

  @Test
  void aFileInputMustExistAndSatisfyTheInputsDirectives() {
    var missing = repo.gear(NO_KEY, "config", "gears/sample", "-i", "data_file=nowhere.yaml");
    var wrongName =
        repo.gear(NO_KEY, "config", "gears/sample", "-i", "notes=gears/sample/data/input.yaml");
    var noPath = repo.gear(NO_KEY, "config", "gears/sample", "-i", "data_file");
    var unknown = repo.gear(NO_KEY, "config", "gears/sample", "-i", "other=x");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file: nowhere.yaml");
    assertThat(wrongName.exitCode()).isEqualTo(2);
    assertThat(wrongName.err()).contains("file name");
    assertThat(noPath.exitCode()).isEqualTo(2);
    assertThat(noPath.err()).contains("needs =PATH");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no input 'other'").contains("data_file");
    assertThat(Files.exists(repo.configFile())).isFalse();
  }

  @Test
  void theApiKeyComesFromTheEnvironmentAndIsNeverShown() throws IOException {
    ApiKeySource fromEnvironment =
        new ApiKeySource(Map.of(ApiKeySource.ENV_VAR, KEY), Optional::empty);

    var set = repo.gear(fromEnvironment, "config", "gears/sample", "-i", "api-key");
    var show = repo.gear(fromEnvironment, "config", "gears/sample", "--show");

    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(configJson().at("/inputs/api-key/key").asText()).isEqualTo(KEY);
    assertThat(configJson().at("/inputs/api-key/base").asText()).isEqualTo("api-key");
    assertThat(set.out() + set.err() + show.out() + show.err()).doesNotContain(SECRET);
    assertThat(show.out()).contains("127.0.0.1:8123:****");
  }

  @Test
  void theApiKeyCanComeFromAKeyFile() throws IOException {
    Path keyFile = temp.resolve("key.txt");
    Files.writeString(keyFile, "\n" + KEY + "\n");

    var result = repo.gear(NO_KEY, "config", "gears/sample", "-i", "api-key=" + keyFile);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(configJson().at("/inputs/api-key/key").asText()).isEqualTo(KEY);
  }

  @Test
  void aKeyTypedAsTheValueIsRefusedWithoutShowingIt() {
    var result = repo.gear(NO_KEY, "config", "gears/sample", "-i", "api-key=" + KEY);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out() + result.err()).doesNotContain(SECRET).contains("-i api-key=****");
    assertThat(Files.exists(repo.configFile())).isFalse();
  }

  @Test
  void fwBetasSpellingApiKeyNamesTheApiKeyInput() throws IOException {
    ApiKeySource fromEnvironment =
        new ApiKeySource(Map.of(ApiKeySource.ENV_VAR, KEY), Optional::empty);

    var result = repo.gear(fromEnvironment, "config", "gears/sample", "-i", "api_key");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(configJson().at("/inputs/api-key/key").asText()).isEqualTo(KEY);
  }

  @Test
  void aKeyGivenToAMisspeltInputIsNotShownEither() {
    var result = repo.gear(NO_KEY, "config", "gears/sample", "-i", "apikey=" + KEY);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("-i apikey=****").contains("no input 'apikey'");
    assertThat(result.out() + result.err()).doesNotContain(SECRET);
  }

  @Test
  void withoutAnEnvironmentVariableTheKeyIsAskedFor() throws IOException {
    AtomicInteger asked = new AtomicInteger();
    ApiKeySource prompt =
        new ApiKeySource(
            Map.of(),
            () -> {
              asked.incrementAndGet();
              return Optional.of(KEY.toCharArray());
            });

    var result = repo.gear(prompt, "config", "gears/sample", "-i", "api-key");

    assertThat(result.exitCode()).isZero();
    assertThat(asked).hasValue(1);
    assertThat(configJson().at("/inputs/api-key/key").asText()).isEqualTo(KEY);
    assertThat(result.out() + result.err()).doesNotContain(SECRET);
  }

  @Test
  void withoutAKeyAndWithoutATerminalTheCommandSaysHowToGiveOne() {
    var result = repo.gear(NO_KEY, "config", "gears/sample", "-i", "api-key");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("no API key").contains("FW_API_KEY");
    assertThat(Files.exists(repo.configFile())).isFalse();
  }

  @Test
  void anInvalidKeyIsRefusedWithoutShowingIt() {
    ApiKeySource bad =
        new ApiKeySource(Map.of(ApiKeySource.ENV_VAR, "no-colon-secret"), Optional::empty);

    var result = repo.gear(bad, "config", "gears/sample", "-i", "api-key");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("FW_API_KEY").doesNotContain("no-colon-secret");
  }

  @Test
  void aContextInputTakesJsonOrText() throws IOException {
    repo.gear(NO_KEY, "config", "gears/sample", "-i", "site=north");
    assertThat(configJson().at("/inputs/site").toString())
        .isEqualTo("{\"base\":\"context\",\"found\":true,\"value\":\"north\"}");

    repo.gear(NO_KEY, "config", "gears/sample", "-i", "site={\"n\":1}");
    assertThat(configJson().at("/inputs/site/value/n").asInt()).isEqualTo(1);
  }

  @Test
  void aConfigFileGitWouldCommitIsWrittenWithAWarningNamingTheGitignore() throws IOException {
    // The fixture's gear folder has no .gitignore, like most gear folders of a real NACC checkout.
    var result = repo.gear(NO_KEY, "config", "gears/sample", "--new");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.exists(repo.configFile())).isTrue();
    assertThat(result.err())
        .contains(
            "gear: warning: git does not ignore gears/sample/src/docker/config.json, which holds"
                + " the gear's API key once one is set: add config.json to"
                + " gears/sample/src/docker/.gitignore");
  }

  static Stream<Arguments> gitignoresThatIgnoreTheConfig() {
    return Stream.of(
        Arguments.of("gears/sample/src/docker/.gitignore", "config.json*\n"),
        Arguments.of("gears/sample/src/docker/.gitignore", "*.json\n!manifest.json\n"),
        Arguments.of("gears/sample/.gitignore", "src/docker/config.json\n"),
        Arguments.of(".gitignore", "**/config.json\n"),
        Arguments.of(".gitignore", "config.json\n"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("gitignoresThatIgnoreTheConfig")
  void noWarningWhenAnyGitignoreMakesGitIgnoreIt(String gitignore, String rules)
      throws IOException {
    Files.writeString(repo.root.resolve(gitignore), rules);

    var result = repo.gear(NO_KEY, "config", "gears/sample", "--new");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).doesNotContain("warning");
  }

  @Test
  void aNegationThatReincludesTheFileStillWarns() throws IOException {
    Files.writeString(
        repo.root.resolve("gears/sample/src/docker/.gitignore"), "*.json\n!config.json\n");

    var result = repo.gear(NO_KEY, "config", "gears/sample", "-c", "debug=true");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("git does not ignore gears/sample/src/docker/config.json");
  }

  @Test
  void showingTheConfigWritesNothingAndWarnsOfNothing() {
    var result = repo.gear(NO_KEY, "config", "gears/sample", "--show");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).doesNotContain("warning");
  }

  @ParameterizedTest
  @CsvSource({
    "nacc/project-admin, project, nacc/project-admin",
    "nacc, group, nacc",
    "5f2a:acquisition, acquisition, 5f2a",
  })
  void theDestinationIsAPathOrAnIdAndType(String argument, String type, String id)
      throws IOException {
    var result = repo.gear(NO_KEY, "config", "gears/sample", "-d", argument);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(configJson().at("/destination/type").asText()).isEqualTo(type);
    assertThat(configJson().at("/destination/id").asText()).isEqualTo(id);
  }

  @Test
  void withAKeyTheDestinationPathIsLookedUpOnItsSite() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      String projectId =
          FlywheelClient.connect(server.apiKey()).createProject("nacc", "project-admin", null);
      ApiKeySource serverKey =
          new ApiKeySource(Map.of(ApiKeySource.ENV_VAR, server.apiKey().reveal()), Optional::empty);
      DestinationLookup onSite = DestinationLookup.onSite();

      var found =
          repo.gear(
              serverKey,
              onSite,
              "config",
              "gears/sample",
              "-i",
              "api-key",
              "-d",
              "nacc/project-admin");
      assertThat(found.exitCode()).as(found.err()).isZero();
      assertThat(configJson().at("/destination/id").asText()).isEqualTo(projectId);
      assertThat(configJson().at("/destination/path").asText()).isEqualTo("nacc/project-admin");
      assertThat(repo.gear(serverKey, "config", "gears/sample", "--show").out())
          .contains("destination: project nacc/project-admin (id " + projectId + ")");

      var missing = repo.gear(serverKey, onSite, "config", "gears/sample", "-d", "nacc/nowhere");
      assertThat(missing.exitCode()).isZero();
      assertThat(missing.err()).contains("kept as a path: no project nacc/nowhere");
      assertThat(configJson().at("/destination/id").asText()).isEqualTo("nacc/nowhere");
      assertThat(found.err() + missing.err()).doesNotContain(server.apiKey().secret());
    }
  }

  @Test
  void withoutAKeyTheDestinationPathStandsInForTheId() throws IOException {
    var result =
        repo.gear(NO_KEY, DestinationLookup.onSite(), "config", "gears/sample", "-d", "nacc/x");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).contains("set the API key first");
    assertThat(configJson().at("/destination/id").asText()).isEqualTo("nacc/x");
  }

  @ParameterizedTest
  @CsvSource({"a/b/c", "x:planet", "/project", "nacc/"})
  void aMalformedDestinationIsRefused(String argument) {
    var result = repo.gear(NO_KEY, "config", "gears/sample", "-d", argument);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("-d " + argument);
    assertThat(Files.exists(repo.configFile())).isFalse();
  }

  @Test
  void showListsKeysTypesDefaultsAndValues() {
    repo.gear(NO_KEY, "config", "gears/sample", "--new", "-c", "speed=3", "-d", "nacc/admin");

    var result = repo.gear(NO_KEY, "config", "gears/sample", "--show");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("gear sample-gear 1.2.3: gears/sample/src/docker/config.json")
        .containsPattern("speed\\s+integer\\s+2\\s+3")
        .containsPattern("ratio\\s+number \\(optional\\)\\s+-\\s+-")
        .containsPattern("ids\\s+array\\s+\\[]\\s+\\[]")
        .containsPattern("data_file\\s+file\\s+\\(missing\\)")
        .containsPattern("notes\\s+file \\(optional\\)\\s+-")
        .containsPattern("api-key\\s+api-key\\s+\\(missing\\)")
        .contains("destination: project nacc/admin (id not looked up)");
  }

  @Test
  void newReplacesABrokenFile() throws IOException {
    Files.writeString(repo.configFile(), "{ not json");

    var edit = repo.gear(NO_KEY, "config", "gears/sample", "-c", "speed=1");
    var fresh = repo.gear(NO_KEY, "config", "gears/sample", "--new", "-c", "speed=1");

    assertThat(edit.exitCode()).isEqualTo(2);
    assertThat(edit.err()).contains("gears/sample/src/docker/config.json:1");
    assertThat(fresh.exitCode()).isZero();
    assertThat(configJson().at("/config/speed").asInt()).isEqualTo(1);
  }
}
