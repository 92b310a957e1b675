package fwgear.tools.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.tools.UsageException;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterviewTest {
  private final StringWriter prompts = new StringWriter();

  private GearAnswers interview(Map<Question, String> flags, boolean yes, String typed) {
    return new Interview(
            flags, yes, new BufferedReader(new StringReader(typed)), new PrintWriter(prompts, true))
        .run();
  }

  @Test
  void promptsShowTheDefaultAndAnEmptyAnswerTakesIt() {
    GearAnswers answers = interview(Map.of(), false, "Zebra Sync\n\n\n\n\n\n2.0.0\nMe\n\n");

    assertThat(answers.packageName()).isEqualTo("zebra-sync");
    assertThat(answers.moduleName()).isEqualTo("zebra_sync");
    assertThat(answers.imageTag()).isEqualTo("2.0.0");
    assertThat(answers.get(Question.AUTHOR)).isEqualTo("Me");
    assertThat(prompts.toString())
        .contains("Gear name [My Gear]: ")
        .contains("Package name (the manifest and image name) [zebra-sync]: ")
        .contains("App package (the Java package of Run and Main) [zebra_sync_app]: ");
  }

  @Test
  void aBadTypedAnswerIsAskedAgain() {
    GearAnswers answers =
        interview(
            Map.of(Question.GEAR_NAME, "Zebra Sync"), false, "\n\nBad Name\nzebra\n\n\n\n\n\n");

    assertThat(answers.packageName()).isEqualTo("zebra-sync");
    assertThat(answers.moduleName()).isEqualTo("zebra");
    assertThat(answers.appName()).isEqualTo("zebra_app");
    assertThat(prompts.toString())
        .contains("must start with a lower-case letter")
        .contains("try again");
  }

  @Test
  void flagsAreNotAskedAndYesTakesTheRestsDefaults() {
    GearAnswers answers =
        interview(Map.of(Question.GEAR_NAME, "Zebra Sync", Question.AUTHOR, "Team"), true, "");

    assertThat(answers.variables())
        .containsEntry("gear_name", "Zebra Sync")
        .containsEntry("package_name", "zebra-sync")
        .containsEntry("module_name", "zebra_sync")
        .containsEntry("image_tag", "0.0.1")
        .containsEntry("author", "Team");
    assertThat(prompts.toString()).isEmpty();
  }

  @Test
  void everyBadFlagIsRefusedAtOnce() {
    Map<Question, String> flags =
        Map.of(
            Question.GEAR_NAME, "Zebra Sync",
            Question.PACKAGE_NAME, "Zebra Sync",
            Question.MODULE_NAME, "Zebra");

    assertThatThrownBy(() -> interview(flags, true, ""))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--package-name: the package name 'Zebra Sync'")
        .hasMessageContaining("--module-name: the module name 'Zebra'")
        .hasMessageContaining("nothing written");
  }

  @Test
  void aDefaultThatIsNoNameIsRefusedWithTheFlagToGive() {
    assertThatThrownBy(() -> interview(Map.of(Question.GEAR_NAME, "42"), true, ""))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--module-name (default, derived from earlier answers)")
        .hasMessageContaining("give --module-name explicitly");
  }

  @Test
  void theEndOfInputBeforeEveryAnswerIsBadUsage() {
    assertThatThrownBy(() -> interview(Map.of(), false, "Zebra Sync\n"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("standard input ended")
        .hasMessageContaining("--yes");
  }
}
