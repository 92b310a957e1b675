package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FatJarBuilderTest {
  @TempDir Path dir;
  Path classes;
  Path library;
  Path signed;

  @BeforeEach
  void inputs() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("sources/app"));
    classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(
        sources.resolve("Main.java"),
        """
        package app;
        public class Main {
          public static void main(String[] args) throws Exception {
            var services = Main.class.getClassLoader().getResources("META-INF/services/app.Plugin");
            int count = 0;
            while (services.hasMoreElements()) {
              try (var in = services.nextElement().openStream()) {
                count += new String(in.readAllBytes()).strip().split("\\n").length;
              }
            }
            System.out.println("hello " + String.join(",", args) + " plugins=" + count);
          }
        }
        """);
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                sources.resolve("Main.java").toString());
    assertThat(compiled).isZero();
    Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(classes.resolve("META-INF/services/app.Plugin"), "app.First");
    library =
        jar(
            "library.jar",
            List.of(
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMulti-Release: true\n",
                "META-INF/services/app.Plugin", "lib.Second\n",
                "app/Main.class", "shadowed: the first on the class path wins",
                "lib/Util.txt", "util"));
    signed =
        jar(
            "signed.jar",
            List.of(
                "META-INF/SIGNER.SF", "signature",
                "META-INF/SIGNER.RSA", "key",
                "module-info.class", "module",
                "META-INF/versions/9/module-info.class", "versioned module",
                "META-INF/versions/11/signed/Thing.class", "versioned class",
                "signed/Thing.txt", "thing"));
  }

  private Path jar(String name, List<String> nameContentPairs) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < nameContentPairs.size(); i += 2) {
        zip.putNextEntry(new ZipEntry(nameContentPairs.get(i)));
        zip.write(nameContentPairs.get(i + 1).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void sameInputsGiveTheSameBytes() throws IOException {
    Path first =
        new FatJarBuilder()
            .build("app.Main", List.of(classes, library, signed), dir.resolve("a/bin.jar"));
    // Different file times on the inputs must not change the output.
    Files.setLastModifiedTime(
        classes.resolve("app/Main.class"), java.nio.file.attribute.FileTime.fromMillis(0));
    Path second =
        new FatJarBuilder()
            .build("app.Main", List.of(classes, library, signed), dir.resolve("b/bin.jar"));

    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
  }

  @Test
  void mergesServicesDropsSignaturesAndSetsTheMainClass() throws IOException {
    Path jar =
        new FatJarBuilder()
            .build("app.Main", List.of(classes, library, signed), dir.resolve("bin.jar"));

    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("app.Main");
      assertThat(file.getManifest().getMainAttributes().getValue("Multi-Release"))
          .isEqualTo("true");
      assertThat(
              new String(
                  file.getInputStream(file.getEntry("META-INF/services/app.Plugin"))
                      .readAllBytes()))
          .isEqualTo("app.First\nlib.Second\n");
      assertThat(file.getEntry("META-INF/SIGNER.SF")).isNull();
      assertThat(file.getEntry("META-INF/SIGNER.RSA")).isNull();
      assertThat(file.getEntry("module-info.class")).isNull();
      assertThat(file.getEntry("META-INF/versions/9/module-info.class")).isNull();
      assertThat(file.getEntry("META-INF/versions/11/signed/Thing.class")).isNotNull();
      assertThat(file.getEntry("signed/Thing.txt")).isNotNull();
      assertThat(file.getEntry("lib/Util.txt")).isNotNull();
    }
  }

  @Test
  void entriesAreSortedWithTheManifestFirstAndOneTimestamp() throws IOException {
    Path jar =
        new FatJarBuilder()
            .build("app.Main", List.of(classes, library, signed), dir.resolve("bin.jar"));

    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .forEach(
              entry -> {
                names.add(entry.getName());
                assertThat(entry.getTimeLocal()).isEqualTo(FatJarBuilder.ENTRY_TIME);
              });
    }
    assertThat(names.subList(0, 2)).containsExactly("META-INF/", "META-INF/MANIFEST.MF");
    List<String> files = names.stream().filter(name -> !name.endsWith("/")).skip(1).toList();
    assertThat(files).isSorted();
  }

  @Test
  void runsItselfWithTheShellAndFindsJavaWithoutTheEnvironment() throws Exception {
    Path jar =
        new FatJarBuilder()
            .build("app.Main", List.of(classes, library, signed), dir.resolve("bin.jar"));
    assertThat(Files.isExecutable(jar)).isTrue();

    ProcessBuilder builder = new ProcessBuilder(jar.toString(), "a", "b").redirectErrorStream(true);
    builder.environment().clear();
    builder
        .environment()
        .put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output.strip()).isEqualTo("hello a,b plugins=2");
    assertThat(process.exitValue()).isZero();
  }
}
