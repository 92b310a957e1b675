package fwgear.tools.validate;

import static fwgear.tools.Fixtures.replace;
import static fwgear.tools.Fixtures.write;
import static fwgear.tools.validate.ValidateTestSupport.JAVA_APP;
import static fwgear.tools.validate.ValidateTestSupport.JAVA_MANIFEST;
import static fwgear.tools.validate.ValidateTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
