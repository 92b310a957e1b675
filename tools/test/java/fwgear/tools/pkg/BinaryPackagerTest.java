package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages a deploy_jar of a small two-module Maven reactor (an app module depending on a library
 * module and on picocli) with the real Maven, as {@code ./gear package} does.
 */
class BinaryPackagerTest {
  @TempDir static Path repo;
  static final List<String> progress = new ArrayList<>();
  static BinaryPackager.PackagedJar first;

  static final BinaryPackager.JarBinary BINARY =
      new BinaryPackager.JarBinary(
          Path.of("gears/hello/src/java/hello_app"),
          "hello_app.Run",
          "gears.hello.src.java.hello_app/bin.jar");

  @BeforeAll
  static void reactor() throws IOException {
    write(
        "pom.xml",
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>test</groupId><artifactId>root</artifactId><version>1</version>
          <packaging>pom</packaging>
          <modules><module>lib</module><module>gears/hello</module></modules>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <build>
            <sourceDirectory>src/java</sourceDirectory>
            <pluginManagement><plugins>
              <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
              <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
              <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
            </plugins></pluginManagement>
          </build>
        </project>
        """);
    write(
        "lib/pom.xml",
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>test</groupId><artifactId>root</artifactId><version>1</version></parent>
          <artifactId>lib</artifactId>
        </project>
        """);
    write(
        "lib/src/java/lib/Greeting.java",
        "package lib; public class Greeting { public static String of(String who) { return \"hello \" + who; } }");
    write(
        "gears/hello/pom.xml",
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>test</groupId><artifactId>root</artifactId><version>1</version><relativePath>../../pom.xml</relativePath></parent>
          <artifactId>hello</artifactId>
          <dependencies>
            <dependency><groupId>test</groupId><artifactId>lib</artifactId><version>1</version></dependency>
            <dependency><groupId>info.picocli</groupId><artifactId>picocli</artifactId><version>4.7.7</version></dependency>
            <dependency><groupId>org.assertj</groupId><artifactId>assertj-core</artifactId><version>3.27.7</version><scope>test</scope></dependency>
          </dependencies>
        </project>
        """);
    write(
        "gears/hello/src/java/hello_app/Run.java",
        """
        package hello_app;
        public class Run {
          public static void main(String[] args) {
            System.out.println(lib.Greeting.of(args[0]) + " " + picocli.CommandLine.VERSION.charAt(0));
          }
        }
        """);
    first = new BinaryPackager(repo, progress::add).packageJars(List.of(BINARY)).get(0);
  }

  private static void write(String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void writesARunnableJarAtThePantsOutputPath() throws Exception {
    assertThat(first.rebuilt()).isTrue();
    assertThat(first.jar()).isEqualTo(repo.resolve("dist/gears.hello.src.java.hello_app/bin.jar"));
    try (JarFile jar = new JarFile(first.jar().toFile())) {
      assertThat(jar.getEntry("lib/Greeting.class")).isNotNull();
      assertThat(jar.getEntry("picocli/CommandLine.class")).isNotNull();
      assertThat(jar.getEntry("org/assertj/core/api/Assertions.class"))
          .as("test dependencies stay out")
          .isNull();
    }
    Process process = new ProcessBuilder(first.jar().toString(), "gear").start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output.strip()).isEqualTo("hello gear 4");
  }

  @Test
  void aSecondPackageWithNothingChangedReusesTheJarWithoutMaven() throws IOException {
    byte[] before = Files.readAllBytes(first.jar());
    List<String> messages = new ArrayList<>();

    BinaryPackager.PackagedJar again =
        new BinaryPackager(repo, messages::add).packageJars(List.of(BINARY)).get(0);

    assertThat(again.rebuilt()).isFalse();
    assertThat(messages).isEmpty();
    assertThat(Files.readAllBytes(again.jar())).isEqualTo(before);
  }

  @Test
  void aCleanSecondBuildGivesTheSameBytes() throws IOException {
    byte[] before = Files.readAllBytes(first.jar());
    // Nothing left of the first build: no jar, no cache, no compiled classes.
    for (String folder : List.of("dist", "gears/hello/target", "lib/target")) {
      try (var walk = Files.walk(repo.resolve(folder))) {
        for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    List<String> messages = new ArrayList<>();

    BinaryPackager.PackagedJar again =
        new BinaryPackager(repo, messages::add).packageJars(List.of(BINARY)).get(0);

    assertThat(messages).anyMatch(message -> message.contains("with Maven"));
    assertThat(again.rebuilt()).isTrue();
    assertThat(Files.readAllBytes(again.jar())).isEqualTo(before);
  }
}
