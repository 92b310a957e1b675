package fwgear.tools.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.problem.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorTest {
  @TempDir Path root;

  private void pom(String dir, String body) throws Exception {
    Path file = root.resolve(dir).resolve("pom.xml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "<project>\n" + body + "\n</project>\n");
  }

  private static String child(String artifact, String... dependencies) {
    StringBuilder pom =
        new StringBuilder(
            "<parent><groupId>g</groupId><artifactId>parent</artifactId><version>1</version></parent>\n"
                + "<artifactId>"
                + artifact
                + "</artifactId>\n<dependencies>\n");
    for (String dependency : dependencies) {
      pom.append("<dependency><groupId>${project.groupId}</groupId><artifactId>")
          .append(dependency)
          .append("</artifactId></dependency>\n");
    }
    return pom.append("</dependencies>").toString();
  }

  @Test
  void dependentsAreFollowedTransitivelyThroughDependencies() throws Exception {
    pom(
        "",
        "<groupId>g</groupId><artifactId>parent</artifactId><version>1</version>\n<modules>\n"
            + "  <module>common</module>\n  <module>lib</module>\n  <module>gears/a</module>\n"
            + "  <module>gears/b</module>\n</modules>");
    pom("common", child("common"));
    pom("lib", child("lib", "common"));
    pom("gears/a", child("a", "lib"));
    pom("gears/b", child("b"));

    Reactor reactor = Reactor.load(root);

    assertThat(reactor.modules().get(Path.of("gears/a")).dependencies()).containsExactly("g:lib");
    assertThat(reactor.withDependents(List.of(Path.of("common"))))
        .containsExactlyInAnyOrder(Path.of("common"), Path.of("lib"), Path.of("gears/a"));
    assertThat(reactor.withDependents(List.of(Path.of(""))))
        .as("every module inherits from the root pom")
        .hasSize(5);
    assertThat(reactor.owningModule(Path.of("gears/a/src/java/A.java")))
        .isEqualTo(Path.of("gears/a"));
    assertThat(reactor.owningModule(Path.of("README.md"))).isEqualTo(Path.of(""));
  }

  @Test
  void aModulesSourcesAndWhatTheyDependOnDecideItsClassPath() throws Exception {
    pom(
        "",
        "<groupId>g</groupId><artifactId>parent</artifactId><version>1</version>\n<modules>\n"
            + "  <module>common</module>\n  <module>libs</module>\n  <module>gears/a</module>\n"
            + "</modules>");
    pom(
        "libs",
        child("libs") + "\n<modules><module>lib</module></modules><packaging>pom</packaging>");
    pom("common", child("common", "junit-jupiter"));
    pom("libs/lib", child("lib", "common"));
    pom("gears/a", child("a", "lib"));

    Reactor reactor = Reactor.load(root);

    assertThat(reactor.moduleOf(Path.of("gears/a/src/java/app"))).contains(Path.of("gears/a"));
    assertThat(reactor.moduleOf(Path.of("docs"))).contains(Path.of(""));
    assertThat(reactor.withDependencies(Path.of("gears/a")))
        .containsExactly(Path.of("gears/a"), Path.of("libs/lib"), Path.of("common"));
    assertThat(reactor.aggregatorPoms())
        .containsExactly(Path.of("pom.xml"), Path.of("libs/pom.xml"));
    assertThat(reactor.modules().get(Path.of("libs/lib")).version())
        .as("inherited from the parent")
        .isEqualTo("1");
    assertThat(Reactor.load(root.resolve("common")).moduleOf(Path.of("x"))).contains(Path.of(""));
    assertThat(Reactor.load(root.resolve("nowhere")).moduleOf(Path.of("x"))).isEmpty();
  }

  @Test
  void aBrokenPomNamesItsFileAndLine() throws Exception {
    pom("", "<groupId>g</groupId><artifactId>parent\n<modules>");

    assertThatThrownBy(() -> Reactor.load(root))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("pom.xml:")
        .hasMessageContaining("pom-syntax");
  }

  @Test
  void aModuleIsAddedAsOneLineIndentedLikeItsNeighbours() {
    String pom = "<project>\n\t<modules>\n\t\t<module>common</module>\n\t</modules>\n</project>\n";

    assertThat(ModuleList.add(pom, "gears/x"))
        .isEqualTo(
            "<project>\n\t<modules>\n\t\t<module>common</module>\n\t\t<module>gears/x</module>\n"
                + "\t</modules>\n</project>\n");
    assertThatThrownBy(() -> ModuleList.add("<project/>", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
