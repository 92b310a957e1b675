package fwgear.tools.validate;

import static fwgear.tools.Fixtures.replace;
import static fwgear.tools.validate.ValidateTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed document's first BUILD and Dockerfile example for project_management name the pex as
 * {@code project_management/src/python:bin} and copy {@code project_management.src.python/bin.pex},
 * while the pex_binary lives in {@code src/python/project_app}: validate catches both, and says
 * where the binary really is.
 */
class SeedAsWrittenTest {
  static final String DOCKER = "project_management/src/docker/";

  @TempDir Path dir;

  @Test
  void theSeedsDriftedAddressAndCopyPathAreCaught() {
    Path root = Fixtures.copy("python", dir);
    replace(
        root,
        DOCKER + "BUILD",
        "project_management/src/python/project_app:bin",
        "project_management/src/python:bin");
    replace(
        root,
        DOCKER + "Dockerfile",
        "project_management.src.python.project_app/bin.pex",
        "project_management.src.python/bin.pex");

    assertThat(problems(root))
        .containsExactly(
            DOCKER
                + "BUILD:4: dependencies: image-dependency-missing: project_management/src/docker:project-management"
                + " depends on project_management/src/python:bin, which no BUILD file declares; did"
                + " you mean project_management/src/python/project_app:bin?",
            DOCKER
                + "BUILD:4: dependencies: image-binary-dependency: project_management/src/docker:project-management"
                + " does not depend on a binary target (deploy_jar or pex_binary) to run",
            DOCKER
                + "Dockerfile:6: dockerfile-copy-source: COPY project_management.src.python/bin.pex: not"
                + " in the build context; pex_binary project_management/src/python/project_app:bin is"
                + " packaged at project_management.src.python.project_app/bin.pex (and the image must"
                + " depend on it)");
  }
}
