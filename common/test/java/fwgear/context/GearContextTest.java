package fwgear.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GearContextTest {
  private static final String ENV_KEY = "127.0.0.1:9000:environmentsecret456";

  @TempDir Path dir;

  private GearContext open(String config, String... args) {
    return open(Map.of(), config, args);
  }

  private GearContext open(Map<String, String> env, String config, String... args) {
    Path base = GearFolder.create(dir.resolve("gear"), config);
    return GearContext.builder().baseDir(base).environment(env).args(args).open();
  }

  private List<Problem> problems(Map<String, String> env, String config, String... args) {
    try (GearContext context = open(env, config, args)) {
      throw new AssertionError("expected invalid input, opened " + context);
    } catch (InvalidInputException e) {
      return e.problems();
    }
  }

  @Test
  void readsConfigInputsDestinationAndKeyFromTheBaseFolder() throws Exception {
    try (GearContext context = open("config.valid.json")) {
      assertThat(context.manifest().name()).isEqualTo("word-count");
      assertThat(context.config("speed", Integer.class)).contains(2);
      assertThat(context.config("center", String.class)).contains("alpha");
      assertThat(context.config("tags", List.class)).contains(List.of("a", "b"));
      assertThat(context.config("ratio", Double.class)).isEmpty();
      assertThat(context.requireConfig("mode", String.class)).isEqualTo("fast");
      assertThat(context.flag("dry_run")).isFalse();
      assertThat(context.debug()).isFalse();

      InputFile text = context.inputFile("text_file").orElseThrow();
      assertThat(text.path()).isEqualTo(dir.resolve("gear/input/text_file/words.txt"));
      assertThat(text.filename()).isEqualTo("words.txt");
      assertThat(text.type()).contains("text");
      assertThat(text.fileId()).contains("f1");
      assertThat(text.info().path("source").asText()).isEqualTo("test");
      assertThat(text.hierarchy()).contains(new ContainerRef("acquisition", "acq1"));
      try (InputStream in = context.openInput("text_file")) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo(GearFolder.WORDS);
      }
      assertThat(context.inputPath("extra")).isEmpty();
      assertThat(context.contextValue("site").map(v -> v.path("name").asText()))
          .contains("Alpha site");
      assertThatThrownBy(() -> context.contextValue("text_file"))
          .hasMessageContaining("not a context value");
      assertThatThrownBy(() -> context.inputFile("site")).hasMessageContaining("not a file");

      assertThat(context.destination()).contains(new ContainerRef("analysis", "an1"));
      assertThat(context.jobId()).contains("job1");
      assertThat(context.apiKey().orElseThrow().secret()).isEqualTo("configjsonsecret123");
      assertThat(context.apiKey().orElseThrow().toString()).doesNotContain("configjsonsecret123");
    }
  }

  record WordCountConfig(
      boolean debug,
      boolean dryRun,
      String adminGroup,
      int speed,
      Double ratio,
      String mode,
      String center,
      List<String> tags) {}

  @Test
  void bindsTheWholeConfigToARecordWithSnakeCaseKeys() {
    try (GearContext context = open("config.valid.json", "dry_run=true")) {
      WordCountConfig config = context.config(WordCountConfig.class);

      assertThat(config)
          .isEqualTo(
              new WordCountConfig(
                  false, true, "nacc", 2, null, "fast", "alpha", List.of("a", "b")));
    }
  }

  record Mismatch(List<String> center) {}

  @Test
  void aRecordThatDoesNotFitTheConfigIsInvalidInputNamingTheKey() {
    try (GearContext context = open("config.valid.json")) {
      assertThatThrownBy(() -> context.config(Mismatch.class))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.problems().get(0).key()).isEqualTo("center");
                assertThat(e.problems().get(0).rule()).isEqualTo("config-binding");
              });
    }
  }

  @Test
  void precedenceIsManifestDefaultThenConfigJsonThenCommandLine() {
    // mode: only the manifest default; speed: default 1, config.json 2; center: config.json
    // "alpha", command line "beta"; dry_run: default false, command line true.
    try (GearContext context = open("config.valid.json", "center=beta", "dry_run=true")) {
      assertThat(context.config("mode", String.class)).contains("fast");
      assertThat(context.config("speed", Integer.class)).contains(2);
      assertThat(context.config("center", String.class)).contains("beta");
      assertThat(context.flag("dry_run")).isTrue();
    }
    try (GearContext context = open("config.valid.json", "speed=3")) {
      assertThat(context.configValue("speed").orElseThrow().isInt()).isTrue();
      assertThat(context.config("speed", Integer.class)).contains(3);
    }
  }

  @Test
  void commandLineValuesAreTypedByTheManifest() {
    try (GearContext context =
        open(
            "config.valid.json",
            "ratio=0.5",
            "tags=[\"x\", \"y\"]",
            "admin_group=123",
            "debug=true")) {
      assertThat(context.configValue("ratio").orElseThrow().isDouble()).isTrue();
      assertThat(context.config("tags", List.class)).contains(List.of("x", "y"));
      assertThat(context.configValue("admin_group").orElseThrow().isTextual()).isTrue();
      assertThat(context.debug()).isTrue();
    }
  }

  @Test
  void commandLineValuesAreCheckedLikeConfigJson() {
    List<Problem> problems =
        problems(
            Map.of(),
            "config.valid.json",
            "speed=fast",
            "ratio=1",
            "colour=red",
            "text_file=/no/such/file");

    assertThat(problems)
        .extracting(Problem::file, Problem::key, Problem::rule)
        .containsExactly(
            tuple("command line", "speed", "argument-value"),
            tuple("command line", "colour", "argument-unknown-name"),
            tuple("command line", "text_file", "argument-input-file"),
            tuple("command line", "ratio", "config-value"));
    assertThat(problems.get(0).message())
        .isEqualTo("\"fast\" is not an integer as config \"speed\" declares");
    assertThat(problems.get(3).message())
        .isEqualTo("1 is greater than or equal to the maximum of 1");
  }

  @Test
  void anExistingFileOnTheCommandLineBecomesTheFileInput() throws Exception {
    Path other = Files.writeString(dir.resolve("other.txt"), "one two");
    try (GearContext context = open("config.valid.json", "text_file=" + other, "extra=" + other)) {
      InputFile text = context.inputFile("text_file").orElseThrow();
      assertThat(text.path()).isEqualTo(other);
      assertThat(text.filename()).isEqualTo("other.txt");
      assertThat(text.object().path("size").asLong()).isEqualTo(7);
      assertThat(context.inputFilename("extra")).contains("other.txt");
    }
  }

  @Test
  void worksWithoutConfigJsonFromTheCommandLineAndEnvironment() throws Exception {
    Path words = Files.writeString(dir.resolve("w.txt"), "a b c");
    try (GearContext context =
        open(
            Map.of(Invocation.API_KEY_VARIABLE, ENV_KEY),
            null,
            "center=gamma",
            "text_file=" + words,
            "--destination",
            "p1:project")) {
      assertThat(context.configPath()).isEmpty();
      assertThat(context.config("center", String.class)).contains("gamma");
      assertThat(context.destination()).contains(new ContainerRef("project", "p1"));
      assertThat(context.apiKey().orElseThrow().secret()).isEqualTo("environmentsecret456");
      assertThat(context.input("api-key").orElseThrow().path("key").asText()).isEqualTo(ENV_KEY);
    }
  }

  @Test
  void aMissingRequiredValueIsReportedWithoutConfigJson() {
    List<Problem> problems = problems(Map.of(), null);

    assertThat(problems)
        .extracting(Problem::key, Problem::rule)
        .containsExactly(
            tuple("center", "config-required"),
            tuple("text_file", "input-required"),
            tuple("api-key", "input-required"));
    assertThat(problems.get(2).message()).contains("FW_API_KEY", "--api-key-file");
  }

  @Test
  void theDestinationArgumentOverridesConfigJson() {
    try (GearContext context = open("config.valid.json", "--destination=s9:session")) {
      assertThat(context.destination()).contains(new ContainerRef("session", "s9"));
    }
    assertThat(problems(Map.of(), "config.valid.json", "--destination=nocolon"))
        .extracting(Problem::rule)
        .containsExactly("argument-destination");
  }

  @Test
  void apiKeyPrecedenceIsFileThenEnvOptionThenConfigJsonThenEnvironment() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("key"), "127.0.0.1:1:filesecret789\n");
    Map<String, String> env =
        Map.of(Invocation.API_KEY_VARIABLE, ENV_KEY, "OTHER", "h:othersecret");
    try (GearContext context =
        open(env, "config.valid.json", "--api-key-file", keyFile.toString())) {
      assertThat(context.apiKey().orElseThrow().secret()).isEqualTo("filesecret789");
    }
    try (GearContext context = open(env, "config.valid.json", "--api-key-env", "OTHER")) {
      assertThat(context.apiKey().orElseThrow().secret()).isEqualTo("othersecret");
    }
    try (GearContext context = open(env, "config.valid.json")) {
      assertThat(context.apiKey().orElseThrow().secret()).isEqualTo("configjsonsecret123");
    }
  }

  @Test
  void aBadKeyIsReportedWithoutShowingIt() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("key"), "nocolonsecretvalue");
    List<Problem> problems =
        problems(Map.of(), "config.valid.json", "--api-key-file=" + keyFile, "api-key=h:argsecret");

    assertThat(problems)
        .extracting(Problem::rule)
        .containsExactly("argument-api-key", "api-key-invalid");
    assertThat(problems)
        .allSatisfy(p -> assertThat(p.format()).doesNotContain("nocolonsecretvalue", "argsecret"));
    assertThat(problems(Map.of(), "config.valid.json", "--api-key-env=UNSET"))
        .extracting(Problem::key)
        .containsExactly("--api-key-env");
  }

  @Test
  void everyProblemOfConfigJsonIsReportedAtOnceByKeyAndLine() {
    List<Problem> problems = problems(Map.of(), "config.invalid.json");

    assertThat(problems)
        .extracting(Problem::line, Problem::key, Problem::rule)
        .containsExactly(
            tuple(3, "config.debug", "config-value"),
            tuple(4, "config.speed", "config-value"),
            tuple(5, "config.mode", "config-value"),
            tuple(6, "config.center", "config-value"),
            tuple(6, "config.center", "config-value"),
            tuple(7, "config.tags.1", "config-value"),
            tuple(8, "config.ratio", "config-value"),
            tuple(9, "config.admin_group", "config-value"),
            tuple(11, "inputs.api-key", "input-required"),
            tuple(15, "inputs.text_file.object.type", "input-directive"),
            tuple(17, "inputs.site", "input-context"));
    assertThat(problems).allMatch(p -> p.file().endsWith("config.json"));
    assertThat(problems.get(0).message())
        .isEqualTo("expected a boolean but got the string \"yes\"");
    assertThat(problems.get(1).message()).isEqualTo("5 is greater than the maximum of 3");
    assertThat(problems.get(2).message()).isEqualTo("\"medium\" is not one of [\"fast\",\"slow\"]");
    assertThat(problems.get(5).message()).isEqualTo("expected a string but got the integer 2");
    assertThat(problems.get(9).message())
        .isEqualTo("the file's type \"dicom\" is not one of [\"text\"]");
  }

  @Test
  void aMissingInputFileIsInvalidInput() throws Exception {
    Path base = GearFolder.create(dir.resolve("gear"), "config.valid.json");
    Files.delete(base.resolve("input/text_file/words.txt"));

    assertThatThrownBy(() -> GearContext.builder().baseDir(base).environment(Map.of()).open())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::key, Problem::rule)
                    .containsExactly(tuple("inputs.text_file", "input-file-missing")));
  }

  @Test
  void aBrokenManifestOrConfigJsonStopsTheOpening() throws Exception {
    Path base = GearFolder.create(dir.resolve("gear"), null);
    Files.writeString(base.resolve("config.json"), "{\"config\": {\n");
    assertThatThrownBy(() -> GearContext.builder().baseDir(base).open())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems()).extracting(Problem::rule).containsExactly("syntax"));

    Files.writeString(base.resolve("manifest.json"), "{\"name\": \"Bad\"}");
    assertThatThrownBy(() -> GearContext.builder().baseDir(base).args("--colour=red").open())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::rule)
                    .contains(
                        "manifest-required-key", "manifest-name-pattern", "argument-unknown"));

    assertThatThrownBy(
            () ->
                GearContext.builder()
                    .baseDir(base)
                    .configPath(dir.resolve("absent.json"))
                    .manifestPath(
                        GearFolder.create(dir.resolve("g2"), null).resolve("manifest.json"))
                    .open())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems()).extracting(Problem::rule).containsExactly("file-missing"));
  }

  @Test
  void theBaseFolderComesFromTheBuilderTheArgumentTheEnvironmentOrTheDefault() {
    Path fromEnv = GearFolder.create(dir.resolve("env"), "config.valid.json");
    Path fromArg = GearFolder.create(dir.resolve("arg"), "config.valid.json");
    Path fromBuilder = GearFolder.create(dir.resolve("builder"), "config.valid.json");
    Map<String, String> env = Map.of(GearContext.BASE_VARIABLE, fromEnv.toString());

    try (GearContext context = GearContext.builder().environment(env).open()) {
      assertThat(context.baseDir()).isEqualTo(fromEnv);
      assertThat(context.configPath()).contains(fromEnv.resolve("config.json"));
    }
    try (GearContext context =
        GearContext.builder().environment(env).args("--gear-path", fromArg.toString()).open()) {
      assertThat(context.baseDir()).isEqualTo(fromArg);
    }
    try (GearContext context =
        GearContext.builder()
            .baseDir(fromBuilder)
            .environment(env)
            .args("--gear-path", fromArg.toString())
            .open()) {
      assertThat(context.baseDir()).isEqualTo(fromBuilder);
      // config.json's /flywheel/v0/... paths are read under the base folder
      assertThat(context.inputPath("text_file"))
          .contains(fromBuilder.resolve("input/text_file/words.txt"));
    }
    assertThatThrownBy(() -> GearContext.builder().environment(Map.of()).open())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems().get(0).file()).isEqualTo("/flywheel/v0/manifest.json"));
  }

  @Test
  void explicitManifestAndConfigPathsWin() throws Exception {
    Path base = GearFolder.create(dir.resolve("gear"), null);
    Path config = dir.resolve("elsewhere.json");
    Files.writeString(
        config, GearFolder.resource("config.valid.json").replace("\"alpha\"", "\"delta\""));
    Path manifest = Files.copy(base.resolve("manifest.json"), dir.resolve("m.json"));
    Files.delete(base.resolve("manifest.json"));

    try (GearContext context =
        GearContext.builder()
            .baseDir(base)
            .args("--config-path", config.toString(), "--manifest-path=" + manifest)
            .open()) {
      assertThat(context.config("center", String.class)).contains("delta");
      assertThat(context.configPath()).contains(config);
    }
  }

  @Test
  void outputAndWorkFoldersAreMadeOnDemand() throws Exception {
    try (GearContext context = open("config.valid.json")) {
      Path base = context.baseDir();
      assertThat(base.resolve("output")).doesNotExist();
      assertThat(base.resolve("work")).doesNotExist();

      assertThat(context.workDir()).isDirectory().isEqualTo(base.resolve("work"));
      try (var out = context.openOutput("result.txt")) {
        out.write("done".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(base.resolve("output/result.txt")).hasContent("done");
    }
  }

  @Test
  void configJsonWithoutConfigSectionUsesTheDefaults() throws Exception {
    Path base = GearFolder.create(dir.resolve("gear"), null);
    JsonNode valid =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(GearFolder.resource("config.valid.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) valid).remove("config");
    Files.writeString(base.resolve("config.json"), valid.toString());

    try (GearContext context =
        GearContext.builder().baseDir(base).environment(Map.of()).args("center=x").open()) {
      assertThat(context.config("speed", Integer.class)).contains(1);
      assertThat(context.configJson().fieldNames())
          .toIterable()
          .containsExactly("debug", "dry_run", "admin_group", "speed", "mode", "tags", "center");
    }
  }
}
