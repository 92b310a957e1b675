package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.tools.GearCli;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./gear package checks before it builds anything (no image builder needed). */
class PackageServiceTest {
  @TempDir Path repo;

  void write(String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void reportsEveryMissingContextInputAtOnceWithItsBuildFileLine() throws IOException {
    write("gear.toml", "[docker]\ndefault_repository = \"test/{name}\"\n");
    write(
        "gears/a/src/docker/BUILD",
        """
        file(name="manifest", source="manifest.json")

        docker_image(
            name="a",
            dependencies=[":manifest", ":sources"],
        )

        java_sources(name="sources")
        """);
    write("gears/b/src/docker/BUILD", "docker_image(name=\"b\", source=\"Missing.dockerfile\")\n");

    assertThatThrownBy(
            () ->
                new PackageService(
                        Repository.load(repo, Map.of()),
                        PackageService.Options.defaults(),
                        new PrintWriter(new StringWriter()))
                    .packageTargets(Specs.parse(List.of("::"))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems().stream().map(Problem::format))
                    .containsExactlyInAnyOrder(
                        "gears/a/src/docker/BUILD:1: source: file-source: gears/a/src/docker/manifest.json"
                            + " does not exist",
                        "gears/a/src/docker/BUILD:3: source: docker-source: gears/a/src/docker/Dockerfile"
                            + " does not exist",
                        "gears/a/src/docker/BUILD:5: dependencies: docker-dependency: gears/a/src/docker:sources is"
                            + " a java_sources: ./gear package puts file, files, resource(s) and"
                            + " deploy_jar targets in an image's context",
                        "gears/b/src/docker/BUILD:1: source: docker-source:"
                            + " gears/b/src/docker/Missing.dockerfile does not exist"));
    assertThat(repo.resolve("dist")).doesNotExist();
  }

  @Test
  void aCopySourceMissingFromTheContextIsReportedAtItsDockerfileLine() throws IOException {
    write("gear.toml", "");
    write(
        "gears/a/src/docker/BUILD",
        """
        file(name="manifest", source="manifest.json")
        docker_image(name="a", dependencies=[":manifest"])
        """);
    write("gears/a/src/docker/manifest.json", "{}");
    write(
        "gears/a/src/docker/Dockerfile",
        """
        FROM debian:bookworm AS build
        COPY gears/a/src/docker/manifest.json /flywheel/v0/manifest.json
        COPY gears.a.src.java.app/bin.jar /bin/run
        FROM build
        COPY --from=build /bin/run /bin/run2
        """);

    assertThatThrownBy(
            () ->
                new PackageService(
                        Repository.load(repo, Map.of()),
                        PackageService.Options.defaults(),
                        new PrintWriter(new StringWriter()))
                    .packageTargets(Specs.parse(List.of("::"))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems().stream().map(Problem::format))
                    .containsExactly(
                        "gears/a/src/docker/Dockerfile:3: dockerfile-copy-source: COPY"
                            + " gears.a.src.java.app/bin.jar: not in the build context; it holds"
                            + " gears/a/src/docker/manifest.json"));
  }

  @Test
  void saysSoWhenTheSpecsSelectNothingToPackage() throws IOException {
    write("gear.toml", "");
    write("lib/BUILD", "java_sources(name=\"lib\")\n");
    StringWriter out = new StringWriter();

    PackageService.Summary summary =
        new PackageService(
                Repository.load(repo, Map.of()),
                PackageService.Options.defaults(),
                new PrintWriter(out))
            .packageTargets(Specs.parse(List.of("::")));

    assertThat(summary.ok()).isTrue();
    assertThat(out.toString()).startsWith("nothing to package");
  }

  @Test
  void rejectsAnUnknownArchiveFormat() {
    StringWriter err = new StringWriter();
    var commandLine = GearCli.commandLine();
    commandLine.setErr(new PrintWriter(err));

    int exit =
        commandLine.execute("package", "--root", repo.toString(), "--output", "zip", "x.zip");

    assertThat(exit).isEqualTo(fwgear.tools.ExitCode.BAD_INPUT.code());
    assertThat(err.toString())
        .contains("--output zip: the format is oci-archive or docker-archive");
  }
}
