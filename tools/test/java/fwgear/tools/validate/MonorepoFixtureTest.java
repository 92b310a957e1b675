package fwgear.tools.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.tools.Fixtures;
import fwgear.tools.GearCli;
import fwgear.tools.buildfile.Address;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Target.DockerImageTarget;
import fwgear.tools.docker.ImageContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The fixture shaped like a real Python/Pants gear monorepo (test/resources/repos/monorepo): a
 * tooling folder and two library folders using Pants target types this tool does not model,
 * pants_ignore globs and a root .gitignore hiding BUILD files nobody could read, gears whose
 * .gitignore is {@code config.json*} or {@code *.json} + {@code !manifest.json}, an input read
 * through a helper function, a here-document Dockerfile, a files() glob copied by a Dockerfile, an
 * instructions= image; and five gears with one real drift each, which must still be caught.
 */
class MonorepoFixtureTest {
  static final String ROOT = Fixtures.REPOS.resolve("monorepo").toString();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  private int gear(String... args) {
    CommandLine cli = GearCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--root");
    all.add(2, ROOT);
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void validateChecksEveryGearAndReportsExactlyTheDrifts() {
    assertThat(gear("validate", "::")).isEqualTo(1);
    assertThat(out.toString())
        .isEqualTo(
            """
            gear/drift_builder_image/src/docker/manifest.json:18: custom.gear-builder.image: image-builder-image: custom.gear-builder.image 'naccdata/drift-builder-image:0.9.0' should be naccdata/drift-builder-image:1.0.0: its tag '0.9.0' is not the manifest's version '1.0.0'
            gear/drift_config/src/python/config_app/run.py:7: dry_runn: code-config-undeclared: the code reads config 'dry_runn', which gear/drift_config/src/docker/manifest.json does not declare (it declares dry_run)
            gear/drift_copy/src/docker/Dockerfile:5: dockerfile-copy-source: COPY gear/drift_copy/src/docker/settings.yaml: not in the build context; it holds gear.drift_copy.src.python.copy_app/bin.pex, gear/drift_copy/src/docker/manifest.json
            gear/drift_gitignore/src/docker/.gitignore: gitignore-config: does not make git ignore config.json, which holds an API key when the gear runs locally (add config.json)
            gear/drift_version/src/docker/BUILD:7: image_tags: image-version-tag: image_tags [1.0.0, latest] of gear/drift_version/src/docker:drift-version do not hold the manifest's version '1.1.0' (gear/drift_version/src/docker/manifest.json:5)
            validate: 5 errors, 0 warnings in 9 gears
            """);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void theGearsWithoutDriftPassStrictValidation() throws Exception {
    assertThat(
            gear(
                "validate",
                "--strict",
                "--format",
                "json",
                "gear/csv_splitter::",
                "gear/identifier_lookup::",
                "gear/form_qc::",
                "gear/attribute_curator::"))
        .as(out.toString())
        .isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.path("gears").toString())
        .isEqualTo(
            "[\"gear/attribute_curator\",\"gear/csv_splitter\",\"gear/form_qc\",\"gear/identifier_lookup\"]");
    assertThat(json.path("skipped")).isEmpty();
  }

  @Test
  void listAndPeekReadEveryFolderPantsReadsAndNoOther() throws Exception {
    assertThat(gear("list", "::")).isZero();
    assertThat(err.toString()).isEmpty();
    List<String> addresses = out.toString().lines().toList();
    assertThat(addresses)
        .contains(
            "tooling:regen-schemas",
            "tooling:lint-manifests",
            "tooling:gen-client",
            "tooling:generated-client",
            "tooling:jq",
            "common:dist",
            "nacc_common:nacc-common",
            "nacc_common:version",
            "gear/form_qc/src/docker:rules")
        .noneMatch(
            a -> a.startsWith("comanage") || a.startsWith("scratch") || a.startsWith("legacy"));

    clear();
    assertThat(gear("peek", "tooling:regen-schemas", "gear/attribute_curator/src/docker")).isZero();
    java.util.Map<String, JsonNode> peek = new java.util.HashMap<>();
    new ObjectMapper()
        .readTree(out.toString())
        .forEach(t -> peek.put(t.path("address").asText(), t));
    JsonNode shell = peek.get("tooling:regen-schemas");
    assertThat(shell.path("target_type").asText()).isEqualTo("run_shell_command");
    assertThat(shell.path("command").asText()).isEqualTo("./gen-schemas.sh");
    JsonNode image = peek.get("gear/attribute_curator/src/docker:attribute-curator");
    assertThat(image.path("image_names").get(0).asText())
        .isEqualTo("naccdata/attribute-curator:2.0.0");
    assertThat(image.path("base_images").get(0).asText()).isNotBlank();
  }

  @Test
  void theBuildContextExpandsGlobsAndTakesInlineInstructions() {
    Repository repository = Repository.load(Fixtures.REPOS.resolve("monorepo"), Map.of());
    ImageContext formQc =
        ImageContext.of(
            repository,
            repository.dockerImage(
                (DockerImageTarget)
                    repository.require(Address.parse("gear/form_qc/src/docker:form-qc", ""))));
    assertThat(formQc.entries().keySet())
        .containsExactly(
            "gear.form_qc.src.python.qc_app/bin.pex",
            "gear/form_qc/src/docker/ftld-rules.yaml",
            "gear/form_qc/src/docker/manifest.json",
            "gear/form_qc/src/docker/uds-rules.yaml");
    assertThat(formQc.problems()).isEmpty();

    ImageContext curator =
        ImageContext.of(
            repository,
            repository.dockerImage(
                (DockerImageTarget)
                    repository.require(
                        Address.parse("gear/attribute_curator/src/docker:attribute-curator", ""))));
    assertThat(curator.inline()).isTrue();
    assertThat(curator.dockerfile())
        .isEqualTo("gear/attribute_curator/src/docker/Dockerfile.attribute-curator");
    assertThat(curator.text().orElseThrow()).startsWith("ARG BASE_IMAGE=python:3.12-slim\nFROM");
    assertThat(curator.copySourceProblems(repository)).isEmpty();
  }
}
