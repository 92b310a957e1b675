package fwgear.tools.validate;

import static fwgear.tools.Fixtures.replace;
import static fwgear.tools.validate.ValidateTestSupport.JAVA_DOCKERFILE;
import static fwgear.tools.validate.ValidateTestSupport.JAVA_MANIFEST;
import static fwgear.tools.validate.ValidateTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileRulesTest {
  @TempDir Path dir;

  @Test
  void aMissingDockerfileIsReportedAtTheTarget() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        "gears/project_management/src/docker/BUILD",
        "source=\"Dockerfile\"",
        "source=\"Dockerfile.gear\"");
    assertThat(problems(root))
        .containsExactly(
            "gears/project_management/src/docker/BUILD:5: source: dockerfile-missing:"
                + " gears/project_management/src/docker:project-management:"
                + " gears/project_management/src/docker/Dockerfile.gear: file not found");
  }

  @Test
  void theManifestMustBeCopiedIntoTheGearFolder() {
    Path root = Fixtures.copy("java", dir);
    replace(root, JAVA_DOCKERFILE, "manifest.json ${BASE_DIR}", "manifest.json /opt/");
    assertThat(problems(root))
        .containsExactly(
            JAVA_DOCKERFILE
                + ":10: dockerfile-manifest: the manifest is copied to /opt/manifest.json;"
                + " Flywheel reads it from /flywheel/v0/manifest.json");

    replace(
        root,
        JAVA_DOCKERFILE,
        "COPY gears/project_management/src/docker/manifest.json /opt/\n",
        "");
    assertThat(problems(root))
        .containsExactly(
            JAVA_DOCKERFILE
                + ":3: dockerfile-manifest: the Dockerfile does not copy the manifest: add COPY "
                + JAVA_MANIFEST
                + " /flywheel/v0");
  }

  @Test
  void copySourcesMustBeInTheBuildContextAndTheBinaryAtItsOutputPath() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        JAVA_DOCKERFILE,
        "gears.project_management.src.java.project_app/bin.jar",
        "gears/project_management/src/java/project_app/bin.jar");

    assertThat(problems(root))
        .containsExactly(
            JAVA_DOCKERFILE
                + ":3: dockerfile-binary: the Dockerfile does not copy the binary of"
                + " gears/project_management/src/java/project_app:bin from its output path: add"
                + " COPY gears.project_management.src.java.project_app/bin.jar /bin/run",
            JAVA_DOCKERFILE
                + ":11: dockerfile-copy-source: COPY gears/project_management/src/java/project_app/bin.jar:"
                + " not in the build context; did you mean"
                + " gears.project_management.src.java.project_app/bin.jar (from"
                + " gears/project_management/src/java/project_app:bin)?");
  }

  @Test
  void theCommandMustRunTheBinaryAndAgreeWithTheEntrypoint() {
    Path root = Fixtures.copy("java", dir);
    replace(root, JAVA_MANIFEST, "\"command\": \"/bin/run\"", "\"command\": \"/flywheel/v0/run\"");
    replace(root, JAVA_DOCKERFILE, "ENTRYPOINT [\"/bin/run\"]", "ENTRYPOINT /bin/run --fast");

    assertThat(problems(root))
        .containsExactly(
            JAVA_DOCKERFILE
                + ":12: dockerfile-entrypoint: ENTRYPOINT runs /bin/run but the manifest's command"
                + " runs /flywheel/v0/run ("
                + JAVA_MANIFEST
                + ":12); a local docker run and Flywheel would run different programs",
            JAVA_MANIFEST
                + ":12: command: dockerfile-command: the command '/flywheel/v0/run' runs /flywheel/v0/run,"
                + " but the Dockerfile puts the binary at /bin/run ("
                + JAVA_DOCKERFILE
                + "); set \"command\": \"/bin/run\"");
  }

  @Test
  void aBinaryCopiedIntoAFolderIsRunFromThere() {
    Path root = Fixtures.copy("java", dir);
    replace(root, JAVA_DOCKERFILE, "bin.jar /bin/run", "bin.jar ./");
    replace(root, JAVA_DOCKERFILE, "ENTRYPOINT [\"/bin/run\"]", "ENTRYPOINT [\"./bin.jar\"]");
    replace(root, JAVA_MANIFEST, "\"command\": \"/bin/run\"", "\"command\": \"./bin.jar\"");
    assertThat(problems(root)).isEmpty();
  }

  @Test
  void aBaseImageArgNeedsADefault() {
    Path root = Fixtures.copy("java", dir);
    replace(root, "gear.toml", "build_args = [\"BASE_IMAGE=eclipse-temurin:17-jre\"]\n", "");
    replace(root, JAVA_DOCKERFILE, "ARG BASE_IMAGE=eclipse-temurin:17-jre", "ARG BASE_IMAGE");
    assertThat(problems(root))
        .containsExactly(
            JAVA_DOCKERFILE
                + ":3: dockerfile-base-image: FROM ${BASE_IMAGE}: build arg BASE_IMAGE has no"
                + " default; give it a public image as default (ARG BASE_IMAGE=<image>)");
  }

  @Test
  void environmentTheProgramNeedsMustBeInTheManifest() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        JAVA_DOCKERFILE,
        "ENV FLYWHEEL=/flywheel/v0\n",
        "ENV FLYWHEEL=/flywheel/v0\nENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/bin\nENV GEAR_MODE=strict\n");
    replace(
        root,
        "gears/project_management/src/java/project_app/Main.java",
        "System.out.println(",
        "System.getenv(\"GEAR_MODE\");\n    System.out.println(");
    replace(
        root,
        JAVA_MANIFEST,
        "{\"FLYWHEEL\": \"/flywheel/v0\"}",
        "{\"FLYWHEEL\": \"/flywheel\", \"PATH\": \"/opt/java/openjdk/bin:/usr/bin\"}");

    assertThat(problems(root))
        .containsExactly(
            JAVA_MANIFEST
                + ":11: environment.FLYWHEEL: dockerfile-environment: warning: environment FLYWHEEL is '/flywheel' but the"
                + " Dockerfile sets '/flywheel/v0' ("
                + JAVA_DOCKERFILE
                + ":6)",
            JAVA_MANIFEST
                + ":11: environment.JAVA_HOME: dockerfile-environment: ENV JAVA_HOME ("
                + JAVA_DOCKERFILE
                + ":7) is needed at run time but not in the manifest's environment; Flywheel runs"
                + " the command with the default PATH and the manifest's environment only: add"
                + " \"JAVA_HOME\": \"/opt/java/openjdk\"",
            JAVA_MANIFEST
                + ":11: environment.GEAR_MODE: dockerfile-environment: ENV GEAR_MODE ("
                + JAVA_DOCKERFILE
                + ":8) is read by the gear's code but not in the manifest's environment; Flywheel"
                + " runs the command with the default PATH and the manifest's environment only:"
                + " add \"GEAR_MODE\": \"strict\"");
  }

  @Test
  void inlineInstructionsAreCheckedLikeADockerfile() throws Exception {
    Path root = Fixtures.copy("java", dir);
    java.nio.file.Files.delete(root.resolve(JAVA_DOCKERFILE));
    replace(
        root,
        "gears/project_management/src/docker/BUILD",
        "source=\"Dockerfile\",",
        "instructions=[\"FROM eclipse-temurin:17-jre\", \"COPY gears/project_management/src/docker/manifest.json /flywheel/v0/\","
            + " \"COPY gears.project_management.src.java.project_app/bin.jar /bin/run\", \"ENTRYPOINT [\\\"/bin/run\\\"]\"],");
    assertThat(problems(root)).isEmpty();
  }

  @Test
  void anEnvBuiltOnTheBaseImagesValueNeedsOnlyToBeDeclared() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        JAVA_DOCKERFILE,
        "ENV FLYWHEEL=/flywheel/v0\n",
        "ENV FLYWHEEL=/flywheel/v0\nENV PATH=/opt/tool/bin:$PATH\n");
    assertThat(problems(root))
        .containsExactly(
            JAVA_MANIFEST
                + ":11: environment.PATH: dockerfile-environment: ENV PATH ("
                + JAVA_DOCKERFILE
                + ":7) is needed at run time but not in the manifest's environment; Flywheel runs"
                + " the command with the default PATH and the manifest's environment only: add"
                + " \"PATH\": its value in the built image (it uses the base image's PATH)");

    replace(
        root,
        JAVA_MANIFEST,
        "{\"FLYWHEEL\": \"/flywheel/v0\"}",
        "{\"FLYWHEEL\": \"/flywheel/v0\", \"PATH\": \"/opt/tool/bin:/usr/bin:/bin\"}");
    assertThat(problems(root)).isEmpty();
  }

  @Test
  void aTargetStageMustBeAStageOfTheDockerfile() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        "gears/project_management/src/docker/BUILD",
        "source=\"Dockerfile\",",
        "source=\"Dockerfile\", target_stage=\"run\",");
    assertThat(problems(root))
        .containsExactly(
            "gears/project_management/src/docker/BUILD:5: target_stage: dockerfile-target-stage: target_stage 'run'"
                + " is not a stage of "
                + JAVA_DOCKERFILE
                + " (it names none)");
    replace(root, JAVA_DOCKERFILE, "FROM ${BASE_IMAGE}", "FROM ${BASE_IMAGE} AS run");
    assertThat(problems(root)).isEmpty();
  }
}
