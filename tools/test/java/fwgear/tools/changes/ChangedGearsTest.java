package fwgear.tools.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.tools.TestRepository;
import fwgear.tools.UsageException;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.scaffold.GearAnswers;
import fwgear.tools.scaffold.GearScaffolder;
import fwgear.tools.scaffold.Question;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./gear changed} on a temporary git repository with three gears: alpha and beta use common,
 * gamma uses nothing of the repository's own.
 */
class ChangedGearsTest {
  @TempDir Path tmp;
  private TestRepository repo;

  @BeforeEach
  void createRepository() {
    repo = TestRepository.copyOf(tmp);
    repo.write("common/src/java/fwgear/Shared.java", "package fwgear;\nclass Shared {}\n");
    repo.write("common/test/java/fwgear/SharedTest.java", "package fwgear;\nclass SharedTest {}\n");
    repo.write("README.md", "readme\n");
    for (String name : List.of("Alpha", "Beta", "Gamma")) {
      newGear(name);
    }
    repo.write(
        "gears/gamma/pom.xml",
        repo.read("gears/gamma/pom.xml").replaceAll("(?s)<dependencies>.*</dependencies>", ""));
    repo.initGit();
    repo.git("tag", "base");
  }

  private void newGear(String name) {
    Map<Question, String> answers = new EnumMap<>(Question.class);
    answers.put(Question.GEAR_NAME, name);
    for (Question question : Question.values()) {
      answers.putIfAbsent(question, question.defaultValue(answers));
    }
    GearScaffolder scaffolder =
        new GearScaffolder(
            repo.root(), repo.path("templates/gear"), LocalDate.of(2026, 11, 1), Map.of());
    scaffolder.write(scaffolder.plan(new GearAnswers(answers)));
  }

  private List<String> changed(boolean dependents) {
    return new ChangedGears(repo.root(), Map.of())
        .since("base", dependents).stream().map(gear -> gear.folder()).toList();
  }

  @Test
  void nothingChangedListsNothing() {
    assertThat(changed(true)).isEmpty();
  }

  @Test
  void aCommittedChangeInAGearListsThatGear() {
    repo.write("gears/beta/src/java/beta_app/Main.java", "changed\n");
    repo.commitAll("change beta");

    assertThat(changed(false)).containsExactly("gears/beta");
    assertThat(changed(true)).containsExactly("gears/beta");
  }

  @Test
  void uncommittedAndUntrackedFilesCount() {
    repo.write("gears/gamma/src/docker/Dockerfile", "FROM x\n");
    repo.write("gears/alpha/data/new.yaml", "a: 1\n");

    assertThat(changed(false)).containsExactly("gears/alpha", "gears/gamma");
  }

  @Test
  void commonCodeChangesListTheGearsThatDependOnCommonOnlyWithDependents() {
    repo.write("common/src/java/fwgear/Shared.java", "package fwgear;\nclass Shared { int x; }\n");
    repo.commitAll("change common");

    assertThat(changed(false)).isEmpty();
    assertThat(changed(true)).containsExactly("gears/alpha", "gears/beta");
  }

  @Test
  void commonTestsAndDocsChangeNoGear() {
    repo.write("common/test/java/fwgear/SharedTest.java", "changed\n");
    repo.write("README.md", "changed\n");
    repo.commitAll("tests and docs");

    assertThat(changed(true)).isEmpty();
  }

  @Test
  void theRootPomChangesEveryGearButNotWhenOnlyAModuleWasAdded() {
    newGear("Delta");
    assertThat(changed(true)).containsExactly("gears/delta");

    repo.write(
        "pom.xml", repo.read("pom.xml").replace("<properties>", "<properties>\n    <x>1</x>"));
    assertThat(changed(true))
        .containsExactly("gears/alpha", "gears/beta", "gears/delta", "gears/gamma");
  }

  @Test
  void aBadRefIsBadUsage() {
    assertThatThrownBy(() -> new ChangedGears(repo.root(), Map.of()).since("no-such-ref", false))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("'no-such-ref' is not a commit");
  }

  @Test
  void theCommandPrintsOneGearPerLineForOtherCommands() {
    repo.write("common/src/java/fwgear/Shared.java", "changed\n");
    repo.write("gears/gamma/src/docker/BUILD", repo.read("gears/gamma/src/docker/BUILD") + "# x\n");

    TestRepository.Result specs = repo.gear("changed", "--since", "base", "--dependents");
    TestRepository.Result names =
        repo.gear("changed", "--since", "base", "--dependents", "--format", "name");
    TestRepository.Result bad = repo.gear("changed", "--since", "nope");

    assertThat(specs.exitCode()).as(specs.err()).isZero();
    assertThat(specs.out()).isEqualTo("gears/alpha::\ngears/beta::\ngears/gamma::\n");
    assertThat(names.out()).isEqualTo("alpha\nbeta\ngamma\n");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(Gears.of(Repository.load(repo.root(), Map.of())).all()).hasSize(3);
  }
}
