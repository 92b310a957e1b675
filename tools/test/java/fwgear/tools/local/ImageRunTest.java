package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.RepositoryRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gear demo --image} (and so {@code ./gear run --image}): project_management and
 * push_template, each in its own image (buildah), with the run folder mounted at /flywheel/v0,
 * against the local Flywheel server over the host network. Needs the local base image in
 * BASE_IMAGE, as .ci/steps/20-images.sh exports it.
 */
@Tag("image")
class ImageRunTest {

  @Test
  void projectManagementRunsInItsImageAgainstTheLocalServer() {
    Assumptions.assumeTrue(
        System.getenv("BASE_IMAGE") != null, "BASE_IMAGE names the local base image");
    Path root = RepositoryRoot.find(Path.of("").toAbsolutePath()).orElseThrow();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exitCode =
        new DemoService(
                root,
                LocalBinaries.packaging(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .run(DemoService.Demo.PROJECT_MANAGEMENT, List.of(), Optional.of(new ImageLaunch()));

    assertThat(exitCode).as(out + "\n" + err).isZero();
    assertThat(err.toString()).contains("in naccdata/project-management:");
    assertThat(out.toString())
        .contains("Created 4 groups and 18 projects")
        .containsPattern("Flywheel at http://127.0.0.1:\\d+/api: 5 groups, 18 projects")
        .contains("── release-tau \"Project Tau Release\"");
  }

  @Test
  void pushTemplateRunsInItsImageAgainstTheLocalServer() {
    Assumptions.assumeTrue(
        System.getenv("BASE_IMAGE") != null, "BASE_IMAGE names the local base image");
    Path root = RepositoryRoot.find(Path.of("").toAbsolutePath()).orElseThrow();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    // The README's demo with --image: project_management, then push_template twice, each in its
    // own image.
    int exitCode =
        new DemoService(
                root,
                LocalBinaries.packaging(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .run(DemoService.Demo.TEMPLATES, List.of(), Optional.of(new ImageLaunch()));

    assertThat(exitCode).as(out + "\n" + err).isZero();
    assertThat(err.toString()).contains("in naccdata/push-template:");
    assertThat(out.toString())
        .contains("Created 0 projects; updated 12 projects; unchanged 0 projects (65 writes)")
        .contains("Second run of push-template: 0 writes, 40 reads")
        .contains(
            "│   │     rules: form-import (form-importer), form-qc (form-qc"
                + " settings=form-qc-settings.json)");
  }
}
