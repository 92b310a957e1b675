package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gear demo --image} (and so {@code ./gear run --image}): project_management and
 * push_template, and directory_pull then user_management, each in its own image (buildah), with the
 * run folder mounted at /flywheel/v0, against the local Flywheel server over the host network.
 * Needs the local base image in BASE_IMAGE, as .ci/steps/20-images.sh exports it.
 */
@Tag("image")
class ImageRunTest {

  @Test
  void projectManagementRunsInItsImageAgainstTheLocalServer() {
    Assumptions.assumeTrue(
        System.getenv("BASE_IMAGE") != null, "BASE_IMAGE names the local base image");
    DemoRun run = DemoRun.of(DemoService.Demo.PROJECT_MANAGEMENT, Optional.of(new ImageLaunch()));

    assertThat(run.exitCode()).as(run.both()).isZero();
    assertThat(run.err()).contains("in naccdata/project-management:");
    assertThat(run.out())
        .contains("Created 4 groups and 18 projects")
        .containsPattern("Flywheel at http://127.0.0.1:\\d+/api: 5 groups, 18 projects")
        .contains("── release-tau \"Project Tau Release\"");
  }

  @Test
  void pushTemplateRunsInItsImageAgainstTheLocalServer() {
    Assumptions.assumeTrue(
        System.getenv("BASE_IMAGE") != null, "BASE_IMAGE names the local base image");
    // The README's demo with --image: project_management, then push_template twice, each in its
    // own image.
    DemoRun run = DemoRun.of(DemoService.Demo.TEMPLATES, Optional.of(new ImageLaunch()));

    assertThat(run.exitCode()).as(run.both()).isZero();
    assertThat(run.err()).contains("in naccdata/push-template:");
    assertThat(run.out())
        .contains("Created 0 projects; updated 12 projects; unchanged 0 projects (65 writes)")
        .contains("Second run of push-template: 0 writes, 40 reads")
        .contains(
            "│   │     rules: form-import (form-importer), form-qc (form-qc"
                + " settings=form-qc-settings.json)");
  }

  @Test
  void theDirectoryChainRunsInItsImagesWithTheServersAwsSettings() {
    Assumptions.assumeTrue(
        System.getenv("BASE_IMAGE") != null, "BASE_IMAGE names the local base image");
    // Two gear-bot gears: their images get the local server's AWS settings (SSM: the key, REDCap).
    DemoRun run = DemoRun.of(DemoService.Demo.USER_MANAGEMENT, Optional.of(new ImageLaunch()));

    assertThat(run.exitCode()).as(run.both()).isZero();
    assertThat(run.err())
        .contains("in naccdata/directory-pull:")
        .contains("in naccdata/user-management:");
    assertThat(run.out())
        .contains("(18 writes)")
        .contains("Second run of user-management: 0 writes")
        .doesNotContain("emulator-aws-secret-key");
  }
}
