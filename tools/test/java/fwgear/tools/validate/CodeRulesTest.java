package fwgear.tools.validate;

import static fwgear.tools.Fixtures.replace;
import static fwgear.tools.Fixtures.write;
import static fwgear.tools.validate.ValidateTestSupport.JAVA_APP;
import static fwgear.tools.validate.ValidateTestSupport.JAVA_MANIFEST;
import static fwgear.tools.validate.ValidateTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import fwgear.problem.Problem;
import fwgear.tools.Fixtures;
import fwgear.tools.GearCli;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CodeRulesTest {
  @TempDir Path dir;

  @Test
  void theMainClassMustExistAndHaveAMainMethod() {
    Path root = Fixtures.copy("java", dir);
    replace(root, JAVA_APP + "BUILD", "main=\"project_app.Run\"", "main=\"project_app.Runner\"");
    assertThat(problems(root))
        .containsExactly(
            JAVA_APP
                + "BUILD:3: main: code-main-class: deploy_jar gears/project_management/src/java/project_app:bin:"
                + " main class project_app.Runner is not among its Java sources (looked for"
                + " Runner.java of package 'project_app' in gears/project_management/src/java/project_app)");

    replace(root, JAVA_APP + "BUILD", "main=\"project_app.Runner\"", "main=\"project_app.Main\"");
    assertThat(problems(root))
        .containsExactly(
            JAVA_APP
                + "BUILD:3: main: code-main-class: deploy_jar gears/project_management/src/java/project_app:bin:"
                + " project_app.Main ("
                + JAVA_APP
                + "Main.java) has no public static void main(String[] args)");
  }

  @Test
  void configAndInputNamesReadByTheCodeMustBeDeclared() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root, JAVA_APP + "Run.java", "context.config(\"admin_group\"", "context.config(\"admin\"");
    replace(
        root,
        JAVA_APP + "Run.java",
        "context.inputPath(\"project_file\")",
        "context.inputPath(PROJECTS)");
    replace(
        root,
        JAVA_APP + "Run.java",
        "public final class Run {",
        "public final class Run {\n  static final String PROJECTS = \"projects\";");

    assertThat(problems(root))
        .containsExactly(
            JAVA_MANIFEST
                + ":18: inputs.project_file: code-input-unused: warning: required input 'project_file' is never read by"
                + " the gear's code",
            JAVA_APP
                + "Run.java:12: admin: code-config-undeclared: the code reads config 'admin', which "
                + JAVA_MANIFEST
                + " does not declare (it declares dry_run, admin_group, new_only)",
            JAVA_APP
                + "Run.java:14: projects: code-input-undeclared: the code reads input 'projects', which "
                + JAVA_MANIFEST
                + " does not declare (it declares project_file, api-key)");
  }

  @Test
  void codeInJavaNewerThanSeventeenIsReadToo() {
    // A switch over patterns with a yield (Java 21): the reads in it still count, and an
    // undeclared one is still an error (the scan is not silenced by syntax newer than Java 17).
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        JAVA_APP + "Run.java",
        "    boolean dryRun = context.config(\"dry_run\", Boolean.class);",
        """
            Object mode = args;
            boolean dryRun =
                switch (mode) {
                  case String[] given when given.length > 9 -> {
                    yield context.config("dry_rn", Boolean.class);
                  }
                  default -> context.config("dry_run", Boolean.class);
                };""");

    assertThat(problems(root))
        .containsExactly(
            JAVA_APP
                + "Run.java:14: dry_rn: code-config-undeclared: the code reads config 'dry_rn', which "
                + JAVA_MANIFEST
                + " does not declare (it declares dry_run, admin_group, new_only)");
  }

  @Test
  void aConfigRecordReadsItsComponentsInSnakeCase() {
    Map<String, String> sources =
        Map.of(
            "a/Run.java",
            "class Run { void run(GearContext c) { Settings s = c.config(Settings.class); c.flag(\"debug\"); } }",
            "a/Settings.java",
            "record Settings(boolean dryRun, @JsonProperty(\"group\") String adminGroup, java.util.List<String> newOnly) {}");

    SourceScan scan = SourceScan.scan(sources);

    assertThat(scan.configReads().keySet())
        .containsExactlyInAnyOrder("dry_run", "group", "new_only", "debug");
  }

  @Test
  void commentsAndOptionalInputsAreNotReads() {
    SourceScan scan =
        SourceScan.scan(
            Map.of(
                "a/Run.java",
                "class Run {\n // context.inputPath(\"old\")\n /* context.config(\"x\") */ String s = \"context.config(\\\"y\\\")\"; }"));
    assertThat(scan.inputReads()).isEmpty();
    assertThat(scan.configReads()).isEmpty();
  }

  @Test
  void pythonGearsAreCheckedToo() {
    Path root = Fixtures.copy("python", dir);
    String run = "project_management/src/python/project_app/run.py";
    replace(root, run, "config.get(\"admin_group\")", "config.get(\"admin\")");
    replace(
        root,
        "project_management/src/python/project_app/BUILD",
        "entry_point=\"run.py\"",
        "entry_point=\"project_app.start:main\"");

    assertThat(problems(root))
        .containsExactly(
            "project_management/src/python/project_app/BUILD:2: entry_point: code-entry-point: pex_binary"
                + " project_management/src/python/project_app:bin: entry_point"
                + " 'project_app.start:main' names no file"
                + " (project_management/src/python/project_app/project_app/start.py does not exist)",
            run
                + ":11: admin: code-config-undeclared: the code reads config 'admin', which"
                + " project_management/src/docker/manifest.json does not declare (it declares"
                + " dry_run, admin_group, new_only)");

    replace(
        root,
        "project_management/src/python/project_app/BUILD",
        "project_app.start:main",
        "project_app.run:main");
    assertThat(problems(root)).hasSize(1);
  }

  @Test
  void onlyCallsOnTheGearContextAreReads() {
    SourceScan scan =
        SourceScan.scan(
            Map.of(
                "a/Run.java",
                """
                class Run {
                  static final String FILE = "project_file";
                  private final GearContext context;
                  Run(GearContext context) { this.context = context; }
                  void run(Csv csv, java.util.Map<String, String> map, Other other) {
                    csv.parseInput("name,center-id");
                    csv.input("not_an_input");
                    other.config("not_config");
                    map.get("center-id");
                    context.inputPath(FILE);
                    this.context.flag("dry_run");
                  }
                  static void main(String[] args) {
                    GearEngine.create().run(args, ctx -> ctx.config("admin_group", String.class));
                    try (var opened = GearContext.open(args)) { opened.inputFile("other_file"); }
                  }
                }
                """));

    assertThat(scan.inputReads()).containsOnlyKeys("project_file", "other_file");
    assertThat(scan.inputReads().get("project_file"))
        .isEqualTo(new SourceScan.Location("a/Run.java", 10));
    assertThat(scan.configReads()).containsOnlyKeys("dry_run", "admin_group");
    assertThat(scan.inconclusive("name,center-id")).as("a string passed to a helper").isTrue();
    assertThat(scan.inconclusive("api-key")).isFalse();
  }

  @Test
  void theContextHandedOutsideTheGearOrANameComputedMakesInputsInconclusive() {
    String own =
        "class Run { void run(GearContext context) { load(context); }"
            + " static void load(GearContext c) { c.inputPath(\"x\"); } }";
    assertThat(SourceScan.scan(Map.of("a/Run.java", own)).inputsInconclusive()).isFalse();
    assertThat(SourceScan.scan(Map.of("a/Run.java", own)).inputReads()).containsOnlyKeys("x");

    String helper = "class Run { void run(GearContext context) { Inputs.read(context); } }";
    assertThat(SourceScan.scan(Map.of("a/Run.java", helper)).inconclusive("anything")).isTrue();

    String computed =
        "class Run { void run(GearContext context, String[] names) { context.inputPath(names[0]); } }";
    assertThat(SourceScan.scan(Map.of("a/Run.java", computed)).inconclusive("anything")).isTrue();

    String broken = "class Run { void run(GearContext context) { context.inputPath(\"x\") }";
    assertThat(SourceScan.scan(Map.of("a/Run.java", broken)).inconclusive("anything"))
        .as("a file that does not parse: silent")
        .isTrue();
  }

  @Test
  void aHelperCallNeverFailsValidateOfACorrectGear() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        JAVA_APP + "Run.java",
        "    Main.run(projectFile, adminGroup, dryRun, newOnly);",
        "    Csv csv = new Csv();\n"
            + "    csv.parseInput(\"name,center-id\");\n"
            + "    csv.input(\"center-id\");\n"
            + "    Main.run(projectFile, adminGroup, dryRun, newOnly);\n"
            + "  }\n\n"
            + "  static final class Csv {\n"
            + "    void parseInput(String columns) {}\n\n"
            + "    void input(String name) {}");

    assertThat(problems(root)).isEmpty();
    CommandLine cli = GearCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("validate", "--strict", "--root", root.toString())).isZero();
  }

  @Test
  void pythonCountsTheToolkitsDirectFormsOnly() {
    String run =
        """
        \"\"\"Entry script. Reads context.get_input_path("documented") in its docs only.\"\"\"
        from gear_execution.gear_execution import InputFileWrapper, GearBotClient
        from inputs.parameter_store import ParameterStore

        FORM_INPUT = "form_file"


        class Visitor:
            @classmethod
            def create(cls, context, parameter_store=None):
                # context.get_input("commented")
                client = GearBotClient.create(context=context, parameter_store=parameter_store)
                file_input = InputFileWrapper.create(input_name='input_file', context=context)
                admin_id = context.config.get("admin_group", "nacc")
                dry_run = context.config.opts.get("dry_run", False)
                delimiter = context.config["delimiter"]
                form = context.get_input_path(FORM_INPUT)
                table = context.get_input_filename('table_file')
                options = context.config.opts
                errors = options.get("error_configs")
                return Visitor(client, file_input, admin_id, dry_run, delimiter, form, table)
        """;

    SourceScan scan = SourceScan.scan(Map.of("g/src/python/app/run.py", run));

    assertThat(scan.inputReads()).containsOnlyKeys("form_file", "table_file");
    assertThat(scan.inputReads().get("form_file").line()).isEqualTo(17);
    assertThat(scan.configReads())
        .containsOnlyKeys("admin_group", "dry_run", "delimiter", "error_configs");
    assertThat(scan.configReads().get("error_configs").line()).isEqualTo(20);
    assertThat(scan.inconclusive("input_file")).as("passed to a helper by keyword").isTrue();
    assertThat(scan.inconclusive("other_file")).isFalse();

    SourceScan computed =
        SourceScan.scan(
            Map.of(
                "run.py", "def main(context, name):\n    return context.get_input_path(name)\n"));
    assertThat(computed.inputReads()).isEmpty();
    assertThat(computed.inconclusive("any_input")).isTrue();
  }

  @Test
  void theScansOfUnchangedSourcesAreKeptBetweenRuns() {
    Path root = Fixtures.copy("java", dir);
    java.util.function.Supplier<List<String>> cached =
        () ->
            new GearValidator(true)
                .validate(Repository.load(root, Map.of()), Specs.ALL).problems().stream()
                    .map(Problem::format)
                    .toList();
    assertThat(problems(root)).isEmpty();
    assertThat(root.resolve(SourceScanCache.FILE)).as("not written by default").doesNotExist();
    assertThat(cached.get()).isEmpty();
    assertThat(root.resolve(SourceScanCache.FILE)).exists();

    replace(
        root, JAVA_APP + "Run.java", "context.config(\"admin_group\"", "context.config(\"admin\"");
    assertThat(cached.get()).singleElement().asString().contains("code-config-undeclared");
    assertThat(cached.get()).singleElement().asString().contains("code-config-undeclared");

    write(root, SourceScanCache.FILE, "{ not json");
    assertThat(cached.get()).singleElement().asString().contains("code-config-undeclared");
  }

  @Test
  void aGearWithoutSourcesWarnsAboutItsInputs() {
    Path root = Fixtures.copy("java", dir);
    write(
        root,
        JAVA_APP + "Run.java",
        "package project_app;\n\npublic final class Run {\n  public static void main(String... args) {}\n}\n");
    assertThat(problems(root))
        .containsExactly(
            JAVA_MANIFEST
                + ":18: inputs.project_file: code-input-unused: warning: required input 'project_file' is never read by"
                + " the gear's code");
  }
}
