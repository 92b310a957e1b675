package fwgear.tools.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.problem.InvalidInputException;
import fwgear.tools.TestRepository;
import fwgear.tools.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GearScaffolderTest {
  @TempDir Path tmp;

  private static GearAnswers answers(String gearName) {
    Map<Question, String> answers = new EnumMap<>(Question.class);
    answers.put(Question.GEAR_NAME, gearName);
    for (Question question : Question.values()) {
      answers.putIfAbsent(question, question.defaultValue(answers));
    }
    return new GearAnswers(answers);
  }

  @Test
  void aRepositoryWithoutTemplatesUsesTheToolsOwn() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path home = TestRepository.source();

    assertThat(GearScaffolder.findTemplates(repo, Optional.of(home)))
        .isEqualTo(home.resolve("templates/gear"));
    assertThatThrownBy(() -> GearScaffolder.findTemplates(repo, Optional.empty()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("templates/gear does not exist");
  }

  @Test
  void theImageRepositoryComesFromTheSettings() {
    TestRepository repo = TestRepository.copyOf(tmp);
    repo.write("gear.toml", "[docker]\ndefault_repository = \"acme/{parent_directory}-{name}\"\n");
    GearScaffolder scaffolder =
        new GearScaffolder(
            repo.root(), repo.path("templates/gear"), LocalDate.of(2026, 1, 2), Map.of());

    GearScaffolder.Plan plan = scaffolder.plan(answers("Zebra Sync"));

    assertThat(plan.files().get(Path.of("gears/zebra_sync/src/docker/manifest.json")))
        .contains("\"image\": \"acme/src-zebra-sync:0.0.1\"");
    assertThat(plan.files().get(Path.of("docs/zebra_sync/CHANGELOG.md")))
        .contains("## 0.0.1 - 2026-01-02");
    assertThat(repo.path("gears")).doesNotExist();
  }

  @Test
  void anUnknownPlaceholderInATemplateStopsBeforeAnythingIsWritten() {
    TestRepository repo = TestRepository.copyOf(tmp);
    repo.write("templates/gear/gears/{{module_name}}/NOTES.md", "line\n{{ colour }}\n");
    Map<String, String> before = repo.snapshot();
    GearScaffolder scaffolder =
        new GearScaffolder(
            repo.root(), repo.path("templates/gear"), LocalDate.of(2026, 1, 2), Map.of());

    assertThatThrownBy(() -> scaffolder.plan(answers("Zebra Sync")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "templates/gear/gears/{{module_name}}/NOTES.md:2: colour: template-placeholder");
    assertThat(repo.snapshot()).isEqualTo(before);
  }
}
