package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.flywheel.FlywheelClient;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTest {
  @TempDir Path dir;

  @Test
  void aSeedFileGivesUsersGroupsProjectsAndKeys() throws IOException {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(
        seed,
        """
        users:
          - {id: me@site.example, api_key: my-key, site_admin: true}
        roles:
          - {label: admin}
        groups:
          - {id: lab, label: The Lab, permissions: [{id: me@site.example, access: admin}]}
        projects:
          - {group: lab, label: pilot, permissions: [{id: me@site.example, roles: [admin]}]}
        """);

    try (FlywheelEmulator server =
        FlywheelEmulator.start(EmulatorOptions.inMemory().withSeedFile(seed))) {
      FlywheelClient client = FlywheelClient.connect(server.apiKey());
      assertThat(server.apiKey().secret()).isEqualTo("my-key");
      assertThat(client.whoAmI().id()).isEqualTo("me@site.example");
      assertThat(client.findProject("lab", "pilot")).isPresent();
      assertThat(client.findGroup("nacc")).isEmpty();
    }
  }

  @Test
  void everyProblemOfASeedIsReportedWithItsLine() throws IOException {
    Path seed = dir.resolve("bad.yaml");
    Files.writeString(
        seed,
        """
        users:
          - {id: me@site.example, api_key: "host:with-colon"}
        groups:
          - id: Not Valid
            permissions:
              - {id: ghost@site.example, access: owner}
        ssm:
          - {name: no/leading/slash, value: x}
        """);

    assertThatThrownBy(() -> FlywheelEmulator.start(EmulatorOptions.inMemory().withSeedFile(seed)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::key, Problem::line)
                    .contains(
                        org.assertj.core.groups.Tuple.tuple("users.0.api_key", 2),
                        org.assertj.core.groups.Tuple.tuple("groups.0.id", 4),
                        org.assertj.core.groups.Tuple.tuple("groups.0.permissions.0.access", 6),
                        org.assertj.core.groups.Tuple.tuple("groups.0.permissions.0.id", 6),
                        org.assertj.core.groups.Tuple.tuple("ssm.0.name", 8)));
  }

  @Test
  void seededLabelsAndIdsHaveTheApisLimits() throws IOException {
    Path seed = dir.resolve("limits.yaml");
    Files.writeString(
        seed,
        """
        users:
          - {id: me@site.example, api_key: k, site_admin: true}
        roles:
          - {label: admin, id: r1}
        groups:
          - {id: lab}
        projects:
          - {group: lab, label: "%s"}
        """
            .formatted("x".repeat(Body.MAX_LABEL + 1)));

    assertThatThrownBy(() -> FlywheelEmulator.start(EmulatorOptions.inMemory().withSeedFile(seed)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::key, Problem::line)
                    .contains(
                        org.assertj.core.groups.Tuple.tuple("roles.0.id", 4),
                        org.assertj.core.groups.Tuple.tuple("projects.0.label", 8)));
  }

  @Test
  void aSeededProjectHoldsFilesAppsAndRules() throws IOException {
    Path seed = dir.resolve("templates.yaml");
    Files.writeString(
        seed,
        """
        users:
          - {id: me@site.example, api_key: my-key, site_admin: true}
        groups:
          - {id: lab, label: The Lab}
        gears:
          - gear: {name: qc, version: 1.0.0, inputs: {input_file: {base: file}, settings: {base: file}},
                   config: {strict: {type: boolean}}}
        projects:
          - group: lab
            label: form-ingest-template
            description: Forms of $adrc
            files:
              - {name: qc-settings.json, content: '{"strict": true}'}
            apps:
              - {name: form-viewer, type: viewer, url: /forms}
            rules:
              - name: form-qc
                gear: qc
                all: [{type: file.type, value: tabular data}]
                config: {strict: true}
                fixed_inputs: [{input: settings, file: qc-settings.json}]
        """);

    try (FlywheelEmulator server =
        FlywheelEmulator.start(EmulatorOptions.inMemory().withSeedFile(seed))) {
      FlywheelClient client = FlywheelClient.connect(server.apiKey());
      fwgear.flywheel.Project template =
          client.findProject("lab", "form-ingest-template").orElseThrow();
      assertThat(template.description()).isEqualTo("Forms of $adrc");
      fwgear.flywheel.FileEntry file = template.file("qc-settings.json").orElseThrow();
      assertThat(file.hash()).startsWith("v0-sha384-");
      assertThat(file.type()).isEqualTo("source code");
      assertThat(new String(client.downloadProjectFile(template.id(), "qc-settings.json")))
          .isEqualTo("{\"strict\": true}");
      assertThat(client.projectViewerApps(template.id()))
          .extracting(fwgear.flywheel.ViewerApp::name)
          .containsExactly("form-viewer");
      fwgear.flywheel.GearRule rule = client.projectRules(template.id()).get(0);
      assertThat(rule.name()).isEqualTo("form-qc");
      assertThat(rule.gearId()).isEqualTo(client.lookupGear("qc").orElseThrow().id());
      assertThat(rule.fixedInputs())
          .extracting(fwgear.flywheel.GearRule.FixedInput::name)
          .containsExactly("qc-settings.json");
    }
  }

  @Test
  void aRuleNamingAnUnknownGearOrFileIsReported() throws IOException {
    Path seed = dir.resolve("bad-rules.yaml");
    Files.writeString(
        seed,
        """
        users:
          - {id: me@site.example, api_key: my-key, site_admin: true}
        groups:
          - {id: lab}
        projects:
          - group: lab
            label: t
            rules:
              - {name: a, gear: nothing, all: [{type: file.type, value: text}]}
        """);

    assertThatThrownBy(() -> FlywheelEmulator.start(EmulatorOptions.inMemory().withSeedFile(seed)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::key, Problem::line)
                    .contains(org.assertj.core.groups.Tuple.tuple("projects.0.rules.0.gear", 9)));
  }
}
