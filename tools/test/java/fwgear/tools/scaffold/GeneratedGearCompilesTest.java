package fwgear.tools.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.TestRepository;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java a new gear gets compiles against the runtime library as it is (common is on this test's
 * class path), and its Main does what its test says. CI builds the gear with Maven end to end.
 */
class GeneratedGearCompilesTest {
  @TempDir Path tmp;

  @Test
  void runMainAndTheTestCompileAgainstTheRuntime() throws Exception {
    TestRepository repo = TestRepository.copyOf(tmp.resolve("repo"));
    Map<Question, String> answers = new EnumMap<>(Question.class);
    answers.put(Question.GEAR_NAME, "Zebra Sync");
    answers.put(Question.DESCRIPTION, "Says \"hello\" \\ to zebras");
    for (Question question : Question.values()) {
      answers.putIfAbsent(question, question.defaultValue(answers));
    }
    GearScaffolder scaffolder =
        new GearScaffolder(
            repo.root(), repo.path("templates/gear"), LocalDate.of(2026, 11, 1), Map.of());
    scaffolder.write(scaffolder.plan(new GearAnswers(answers)));

    List<String> sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(repo.path("gears/zebra_sync"))) {
      walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
    }
    assertThat(sources).hasSize(3);
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Xlint:all",
                "-Werror"));
    arguments.addAll(sources);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int result =
        compiler.run(
            null, OutputStream.nullOutputStream(), diagnostics, arguments.toArray(String[]::new));

    assertThat(result).as(diagnostics.toString()).isZero();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Method run =
          loader.loadClass("zebra_sync_app.Main").getMethod("run", String.class, boolean.class);
      assertThat((String) run.invoke(null, "fw.example.org", true))
          .isEqualTo("Zebra Sync: dry run on fw.example.org, nothing changed");
      assertThat(loader.loadClass("zebra_sync_app.Run").getMethod("main", String[].class))
          .isNotNull();
    }
  }
}
