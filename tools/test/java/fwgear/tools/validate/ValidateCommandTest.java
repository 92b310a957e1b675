package fwgear.tools.validate;

import static fwgear.tools.Fixtures.replace;
import static fwgear.tools.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.tools.Fixtures;
import fwgear.tools.GearCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int gear(String... args) {
    CommandLine cli = GearCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void aCleanRepositoryExitsZeroWithASummary() {
    assertThat(gear("validate", "--root", Fixtures.REPOS.resolve("java").toString())).isZero();
    assertThat(out.toString()).isEqualTo("validate: 0 errors, 0 warnings in 1 gear\n");
  }

  @Test
  void problemsArePrintedOneALineAndExitOne() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        "gears/project_management/src/docker/manifest.json",
        "\"version\": \"0.0.1\"",
        "\"version\": \"0.0.2\"");

    assertThat(gear("validate", "--root", root.toString(), "::")).isEqualTo(1);
    assertThat(out.toString().lines())
        .hasSize(3)
        .allMatch(
            line ->
                line.startsWith("gears/project_management/src/docker/")
                    || line.startsWith("validate:"))
        .last()
        .isEqualTo("validate: 2 errors, 0 warnings in 1 gear");
  }

  @Test
  void warningsFailOnlyWhenStrict() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        "gears/project_management/src/docker/BUILD",
        "\"0.0.1\", \"latest\"",
        "\"0.0.1\", \"0.0\", \"latest\"");

    assertThat(gear("validate", "--root", root.toString())).isZero();
    assertThat(out.toString())
        .contains("image-extra-tags: warning:")
        .contains("0 errors, 1 warning in 1 gear");
    assertThat(gear("validate", "--root", root.toString(), "--strict")).isEqualTo(1);
  }

  @Test
  void jsonOutputListsProblemsWithTheirFields() throws Exception {
    Path root = Fixtures.copy("java", dir);
    write(root, "gears/project_management/src/docker/.gitignore", "");

    assertThat(gear("validate", "--root", root.toString(), "--format", "json")).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.path("errors").asInt()).isEqualTo(1);
    assertThat(json.path("gears").get(0).asText()).isEqualTo("gears/project_management");
    JsonNode problem = json.path("problems").get(0);
    assertThat(problem.path("file").asText())
        .isEqualTo("gears/project_management/src/docker/.gitignore");
    assertThat(problem.path("rule").asText()).isEqualTo("gitignore-config");
    assertThat(problem.path("severity").asText()).isEqualTo("error");
  }

  @Test
  void brokenBuildFilesAreBadInputReportedLikeProblems() {
    Path root = Fixtures.copy("java", dir);
    write(root, "gears/project_management/src/java/project_app/BUILD", "java_sources(name=\"x\"\n");

    assertThat(gear("validate", "--root", root.toString())).isEqualTo(2);
    assertThat(out.toString())
        .startsWith(
            "gears/project_management/src/java/project_app/BUILD:1: build-syntax: column 13: '(' of java_sources is never closed\n");
  }

  @Test
  void specsSelectGearsAndBadSpecsAreBadUsage() {
    Path root = Fixtures.copy("java", dir);
    write(root, "gears/project_management/src/docker/.gitignore", "");

    assertThat(gear("validate", "--root", root.toString(), "::", "-gears/project_management::"))
        .isZero();
    assertThat(out.toString()).contains("in 0 gears");
    assertThat(gear("validate", "--root", root.toString(), "gears/nothing::")).isEqualTo(2);
    assertThat(err.toString()).contains("no such folder: gears/nothing");
    assertThat(gear("validate", "--root", root.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(gear("validate", "--root", root.toString(), "--formatt=json")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--formatt=json'");
  }

  @Test
  void pantsBuiltInTypesNeverStopAGearAndAnUnknownTypeSkipsOnlyWhatDependsOnIt() {
    Path root = Fixtures.copy("python", dir);
    write(
        root,
        "tooling/BUILD",
        "run_shell_command(name='fmt', command='ruff format')\n"
            + "experimental_wrap_as_python_sources(name='gen', inputs=[':fmt'])\n");
    write(root, "common/src/python/dist/BUILD", "python_distribution(name='dist', wheel=True)\n");
    write(root, "common/src/python/macro/BUILD", "nacc_gear_macro(name='made')\n");
    write(
        root,
        "other/src/docker/BUILD",
        "file(name='manifest', source='manifest.json')\n"
            + "docker_image(name='other', dependencies=[':manifest',"
            + " 'common/src/python/macro:made'])\n");

    assertThat(gear("validate", "--root", root.toString())).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "common/src/python/macro/BUILD:1: build-target-unknown: warning: unknown target type"
                + " 'nacc_gear_macro': not a Pants built-in type (a plugin's or a macro?); targets"
                + " that depend on it are not checked\n"
                + "other: skipped: its docker_image depends on common/src/python/macro:made, of"
                + " unknown type 'nacc_gear_macro' (common/src/python/macro/BUILD:1)\n"
                + "validate: 0 errors, 1 warning in 1 gear; 1 skipped: it depends on a target of"
                + " unknown type\n");
    assertThat(gear("validate", "--root", root.toString(), "--strict")).isEqualTo(1);

    out.getBuffer().setLength(0);
    assertThat(gear("list", "--root", root.toString(), "tooling::", "common::")).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "common/src/python/dist\n"
                + "common/src/python/inputs\n"
                + "common/src/python/macro:made\n"
                + "tooling:fmt\n"
                + "tooling:gen\n");
    assertThat(err.toString()).contains("unknown target type 'nacc_gear_macro'");
    out.getBuffer().setLength(0);
    assertThat(gear("peek", "--root", root.toString(), "common/src/python/dist")).isZero();
    assertThat(out.toString()).contains("\"target_type\" : \"python_distribution\"");
  }

  @Test
  void anEmptyRepositoryIsClean() {
    write(dir, "gear.toml", "[docker]\ndefault_repository = \"naccdata/{name}\"\n");
    assertThat(gear("validate", "--root", dir.toString())).isZero();
    assertThat(out.toString()).isEqualTo("validate: 0 errors, 0 warnings in 0 gears\n");
  }

  @Test
  void listAndPeekPrintAddressesAndJson() throws Exception {
    String root = Fixtures.REPOS.resolve("python").toString();
    assertThat(gear("list", "--root", root, "project_management::", "-project_management/test::"))
        .isZero();
    assertThat(out.toString())
        .isEqualTo(
            "project_management/src/docker:manifest\n"
                + "project_management/src/docker:project-management\n"
                + "project_management/src/python/project_app:bin\n"
                + "project_management/src/python/project_app\n");
    out.getBuffer().setLength(0);
    assertThat(gear("peek", "--root", root, "project_management/src/docker:project-management"))
        .isZero();
    JsonNode peek = new ObjectMapper().readTree(out.toString()).get(0);
    assertThat(peek.path("target_type").asText()).isEqualTo("docker_image");
    assertThat(peek.path("image_names").get(0).asText())
        .isEqualTo("naccdata/project-management:0.0.1");
    assertThat(peek.path("build_platform").get(0).asText()).isEqualTo("linux/amd64");
    assertThat(peek.path("base_images").get(0).asText()).isEqualTo("python:3.12");
  }

  @Test
  void helpIsHelpNotASpec() {
    for (String command : new String[] {"validate", "list", "peek"}) {
      out.getBuffer().setLength(0);
      assertThat(gear(command, "--help")).isZero();
      assertThat(out.toString()).startsWith("Usage: gear " + command);
    }
  }
}
