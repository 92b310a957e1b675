package fwgear.tools.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileTest {
  static final String TEXT =
      """
      # syntax=docker/dockerfile:1
      ARG BASE_IMAGE=eclipse-temurin:17-jre
      ARG TOOL
      FROM ${BASE_IMAGE} AS base
      ENV BASE_DIR=/flywheel/v0 \\
          JAVA_HOME="/opt/java/openjdk"
      ENV PATH $JAVA_HOME/bin:/usr/bin
      WORKDIR ${BASE_DIR}
      # a comment
      COPY gears/x/src/docker/manifest.json ${BASE_DIR}
      COPY --chown=1:1 ["gears.x.src.java.app/bin.jar", "/bin/run"]
      COPY --from=builder /out/lib lib/
      ENTRYPOINT ["/bin/run"]
      CMD run --fast
      """;

  @Test
  void parsesInstructionsWithLinesAndContinuations() {
    Dockerfile dockerfile = Dockerfile.parse(TEXT, "Dockerfile");

    assertThat(dockerfile.instructions())
        .extracting(Dockerfile.Instruction::keyword)
        .containsExactly(
            "ARG",
            "ARG",
            "FROM",
            "ENV",
            "ENV",
            "WORKDIR",
            "COPY",
            "COPY",
            "COPY",
            "ENTRYPOINT",
            "CMD");
    assertThat(dockerfile.instructions().get(3).line()).isEqualTo(5);
    assertThat(dockerfile.instructions().get(4).line()).isEqualTo(7);
  }

  @Test
  void resolvesArgsBaseImageEnvAndCopies() {
    Dockerfile dockerfile = Dockerfile.parse(TEXT, "Dockerfile");

    assertThat(dockerfile.args())
        .containsEntry("BASE_IMAGE", Optional.of("eclipse-temurin:17-jre"))
        .containsEntry("TOOL", Optional.empty());
    assertThat(dockerfile.froms(Map.of()).get(0).resolvedImage())
        .isEqualTo("eclipse-temurin:17-jre");
    assertThat(dockerfile.froms(Map.of("BASE_IMAGE", "local/jre")).get(0).resolvedImage())
        .isEqualTo("local/jre");
    assertThat(dockerfile.froms(Map.of()).get(0).stage()).contains("base");
    assertThat(dockerfile.env(Map.of())).containsKeys("BASE_DIR", "JAVA_HOME", "PATH");
    assertThat(dockerfile.env(Map.of()).get("PATH").value())
        .isEqualTo("/opt/java/openjdk/bin:/usr/bin");
    List<Dockerfile.Copy> copies = dockerfile.copies(Map.of());
    assertThat(copies.get(0).sources()).containsExactly("gears/x/src/docker/manifest.json");
    assertThat(copies.get(0).destination()).isEqualTo("/flywheel/v0");
    assertThat(copies.get(1).sources()).containsExactly("gears.x.src.java.app/bin.jar");
    assertThat(copies.get(1).destination()).isEqualTo("/bin/run");
    assertThat(copies.get(2).from()).contains("builder");
    assertThat(copies.get(2).destination()).isEqualTo("/flywheel/v0/lib/");
    assertThat(dockerfile.workdir(Map.of())).isEqualTo("/flywheel/v0");
  }

  @Test
  void readsEntrypointAndCmdInExecAndShellForm() {
    Dockerfile dockerfile = Dockerfile.parse(TEXT, "Dockerfile");

    assertThat(dockerfile.entrypoint())
        .hasValueSatisfying(
            e -> {
              assertThat(e.execForm()).isTrue();
              assertThat(e.arguments()).containsExactly("/bin/run");
              assertThat(e.line()).isEqualTo(13);
            });
    assertThat(dockerfile.cmd())
        .hasValueSatisfying(
            c -> {
              assertThat(c.execForm()).isFalse();
              assertThat(c.program()).contains("run");
            });
  }

  @Test
  void substitutesLikeDocker() {
    Map<String, String> vars = Map.of("A", "x", "E", "");
    assertThat(Dockerfile.substitute("$A/${A}/${B:-d}/${A:+y}/${E:-e}/\\$A", vars))
        .isEqualTo("x/x/d/y/e/$A");
  }
}
