package fwgear.tools.tailor;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.GearCli;
import fwgear.tools.TestRepository;
import fwgear.tools.scaffold.GearAnswers;
import fwgear.tools.scaffold.GearScaffolder;
import fwgear.tools.scaffold.Question;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./gear tailor} on a temporary repository holding a gear made by {@code ./gear new}. */
class TailorTest {
  private static final String GEAR = "gears/zebra_sync/";

  @TempDir Path tmp;
  private TestRepository repo;

  @BeforeEach
  void createGear() {
    repo = TestRepository.copyOf(tmp);
    Map<Question, String> answers = new EnumMap<>(Question.class);
    answers.put(Question.GEAR_NAME, "Zebra Sync");
    for (Question question : Question.values()) {
      answers.putIfAbsent(question, question.defaultValue(answers));
    }
    GearScaffolder scaffolder =
        new GearScaffolder(
            repo.root(), repo.path("templates/gear"), LocalDate.of(2026, 11, 1), Map.of());
    scaffolder.write(scaffolder.plan(new GearAnswers(answers)));
  }

  private List<BuildFileChange> tailor() {
    Tailor tailor = new Tailor(repo.root());
    List<BuildFileChange> changes = tailor.plan(List.of(Path.of("gears")));
    tailor.write(changes);
    return changes;
  }

  @Test
  void aNewGearNeedsNothing() {
    assertThat(new Tailor(repo.root()).plan(List.of(Path.of("gears")))).isEmpty();
  }

  @Test
  void recreatesTheBuildFilesOfTheSeedLayoutAsTheTemplateWritesThem() throws Exception {
    Map<String, String> expected = repo.snapshot();
    for (String build :
        List.of(
            "src/docker/BUILD",
            "src/java/zebra_sync_app/BUILD",
            "test/java/zebra_sync_app/BUILD")) {
      Files.delete(repo.path(GEAR + build));
    }

    List<BuildFileChange> changes = tailor();

    assertThat(changes).extracting(BuildFileChange::created).containsOnly(true);
    assertThat(repo.snapshot()).isEqualTo(expected);
  }

  @Test
  void appendsOnlyTheMissingTargetsAndKeepsTheRestByteForByte() {
    String existing = "# my sources\njava_sources(\n    name='zebra_sync_app',  # keep me\n)";
    repo.write(GEAR + "src/java/zebra_sync_app/BUILD", existing);
    repo.write(
        GEAR + "src/java/zebra_sync_app/util/Strings.java", "package zebra_sync_app.util;\n");
    repo.write(
        GEAR + "test/java/zebra_sync_app/BUILD",
        "junit_tests(name=\"tests\", sources=[\"MainTest.java\"])\n");
    repo.write(GEAR + "test/java/zebra_sync_app/OtherTest.java", "class OtherTest {}\n");
    repo.write(GEAR + "test/java/zebra_sync_app/Fixtures.java", "class Fixtures {}\n");

    tailor();

    assertThat(repo.read(GEAR + "src/java/zebra_sync_app/BUILD"))
        .isEqualTo(
            existing
                + "\n\ndeploy_jar(\n    name=\"bin\",\n    main=\"zebra_sync_app.Run\",\n"
                + "    dependencies=[\":zebra_sync_app\"],\n)\n");
    assertThat(repo.read(GEAR + "src/java/zebra_sync_app/util/BUILD"))
        .isEqualTo("java_sources(name=\"util\")\n");
    assertThat(repo.read(GEAR + "test/java/zebra_sync_app/BUILD"))
        .isEqualTo(
            "junit_tests(name=\"tests\", sources=[\"MainTest.java\"])\n\n"
                + "java_sources(name=\"zebra_sync_app\")\n\njunit_tests(name=\"tests2\")\n");
  }

  @Test
  void rootSelectsTheRepositoryFromAnywhere() throws Exception {
    CommandLine cli = GearCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    String root = repo.root().toString();

    assertThat(cli.execute("tailor", "--check", "--root", root)).isZero();
    Files.delete(repo.path(GEAR + "src/java/zebra_sync_app/BUILD"));
    assertThat(cli.execute("tailor", "--check", "--root", root)).isEqualTo(1);
    assertThat(cli.execute("tailor", "--root", root)).isZero();
    assertThat(repo.read(GEAR + "src/java/zebra_sync_app/BUILD")).contains("java_sources");
  }

  @Test
  void checkChangesNothingAndExitsOneWhenSomethingWouldChange() throws Exception {
    assertThat(repo.gear("tailor", "--check").exitCode()).isZero();
    Files.delete(repo.path(GEAR + "test/java/zebra_sync_app/BUILD"));
    Map<String, String> before = repo.snapshot();

    TestRepository.Result check = repo.gear("tailor", "--check");

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out())
        .contains(
            "would create gears/zebra_sync/test/java/zebra_sync_app/BUILD: add junit_tests(name=\"tests\")");
    assertThat(repo.snapshot()).isEqualTo(before);

    TestRepository.Result tailored = repo.gear("tailor");
    assertThat(tailored.exitCode()).as(tailored.err()).isZero();
    assertThat(repo.gear("tailor", "--check").exitCode()).isZero();
  }

  @Test
  void tailorsAPythonGearOfTheSeedLayoutToo() {
    repo.write("gear/hello/src/python/hello_app/run.py", "print('hi')\n");
    repo.write("gear/hello/src/python/hello_app/main.py", "");
    repo.write("gear/hello/test/python/test_main.py", "");
    repo.write("bin/get-tags.sh", "echo\n");

    Tailor tailor = new Tailor(repo.root());
    tailor.write(tailor.plan(List.of(Path.of("gear"), Path.of("bin"))));

    assertThat(repo.read("gear/hello/src/python/hello_app/BUILD"))
        .isEqualTo(
            "python_sources(name=\"hello_app\")\n\npex_binary(name=\"bin\", entry_point=\"run.py\")\n");
    assertThat(repo.read("gear/hello/test/python/BUILD"))
        .isEqualTo("python_tests(name=\"tests\")\n");
    assertThat(repo.read("bin/BUILD")).isEqualTo("shell_sources(name=\"bin\")\n");
  }
}
