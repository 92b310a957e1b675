package fwgear.tools.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.tools.GearArgument;
import fwgear.tools.TestRepository;
import fwgear.tools.UsageException;
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

/** {@code ./gear bump} on a temporary repository holding a gear made by {@code ./gear new}. */
class BumpCommandTest {
  private static final LocalDate RELEASE_DAY = LocalDate.of(2026, 12, 1);

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
    repo.write(
        "docs/zebra_sync/CHANGELOG.md",
        repo.read("docs/zebra_sync/CHANGELOG.md")
            .replace("## Unreleased\n", "## Unreleased\n\n* Synced the zebras.\n"));
    repo.initGit();
  }

  private GearBumper.Plan bump(String gear, String version) {
    GearBumper bumper = new GearBumper(repo.root(), RELEASE_DAY);
    GearBumper.Plan plan =
        bumper.plan(
            GearArgument.resolve(Repository.load(repo.root(), Map.of()), repo.root(), gear),
            version);
    bumper.write(plan);
    return plan;
  }

  @Test
  void theDiffTouchesOnlyTheVersionValuesAndTheChangelogHeading() {
    bump("gears/zebra_sync", "minor");

    String diff = repo.git("diff", "-U0", "--no-color");
    List<String> changed =
        diff.lines()
            .filter(line -> line.startsWith("+") || line.startsWith("-"))
            .filter(line -> !line.startsWith("+++") && !line.startsWith("---"))
            .toList();
    assertThat(changed)
        .containsExactlyInAnyOrder(
            "-  \"version\": \"0.0.1\",",
            "+  \"version\": \"0.1.0\",",
            "-      \"image\": \"naccdata/zebra-sync:0.0.1\"",
            "+      \"image\": \"naccdata/zebra-sync:0.1.0\"",
            "-    image_tags=[\"0.0.1\", \"latest\"],",
            "+    image_tags=[\"0.1.0\", \"latest\"],",
            "+## 0.1.0 - 2026-12-01",
            "+");
    assertThat(repo.read("docs/zebra_sync/CHANGELOG.md"))
        .contains(
            "## Unreleased\n\n## 0.1.0 - 2026-12-01\n\n* Synced the zebras.\n\n## 0.0.1 - 2026-11-01");
  }

  @Test
  void theGearIsFoundByFolderModuleOrManifestName() {
    assertThat(bump("zebra-sync", "patch").to()).isEqualTo("0.0.2");
    assertThat(bump("zebra_sync", "0.0.3").to()).isEqualTo("0.0.3");
    assertThat(bump("gears/zebra_sync/", "major").to()).isEqualTo("1.0.0");
    assertThat(repo.read("gears/zebra_sync/src/docker/BUILD")).contains("[\"1.0.0\", \"latest\"]");
  }

  @Test
  void aVersionThatIsNotGreaterIsRefusedAndNothingChanges() {
    Map<String, String> before = repo.snapshot();

    assertThatThrownBy(() -> bump("zebra-sync", "0.0.1"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("the new version 0.0.1 is not greater than the current 0.0.1");
    assertThatThrownBy(() -> bump("zebra-sync", "0.0.1-rc.1")).hasMessageContaining("not greater");
    assertThatThrownBy(() -> bump("zebra-sync", "soon")).hasMessageContaining("neither a version");
    assertThat(repo.snapshot()).isEqualTo(before);
  }

  @Test
  void aGearWhoseVersionsDisagreeIsRefusedWithEveryReason() {
    repo.write(
        "gears/zebra_sync/src/docker/BUILD",
        repo.read("gears/zebra_sync/src/docker/BUILD").replace("\"0.0.1\"", "\"0.0.0\""));
    repo.write(
        "gears/zebra_sync/src/docker/manifest.json",
        repo.read("gears/zebra_sync/src/docker/manifest.json")
            .replace("zebra-sync:0.0.1", "zebra-sync:9"));

    assertThatThrownBy(() -> bump("zebra-sync", "patch"))
        .hasMessageContaining(
            "custom.gear-builder.image 'naccdata/zebra-sync:9' is not tagged with the version 0.0.1")
        .hasMessageContaining("image_tags [0.0.0, latest] do not hold the manifest version 0.0.1");
  }

  @Test
  void anUnknownGearNamesTheKnownOnes() {
    assertThatThrownBy(
            () ->
                GearArgument.resolve(Repository.load(repo.root(), Map.of()), repo.root(), "quagga"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("no gear 'quagga'")
        .hasMessageContaining("gears/zebra_sync");
  }

  @Test
  void theCommandPrintsTheChangesAndRefusesWithExitTwo() {
    TestRepository.Result bumped = repo.gear("bump", "zebra-sync", "patch");
    TestRepository.Result refused = repo.gear("bump", "zebra-sync", "0.0.1");

    assertThat(bumped.exitCode()).as(bumped.err()).isZero();
    assertThat(bumped.out())
        .contains("manifest.json: version 0.0.1 -> 0.0.2")
        .contains("Bumped gears/zebra_sync from 0.0.1 to 0.0.2.");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("not greater than the current 0.0.2");
  }
}
