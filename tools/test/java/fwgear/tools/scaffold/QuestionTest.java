package fwgear.tools.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionTest {

  private static Map<Question, String> defaultsFor(String gearName) {
    Map<Question, String> answers = new EnumMap<>(Question.class);
    answers.put(Question.GEAR_NAME, gearName);
    for (Question question : Question.values()) {
      answers.putIfAbsent(question, question.defaultValue(answers));
    }
    return answers;
  }

  @Test
  void theDefaultsFollowTheTemplate() {
    Map<Question, String> answers = defaultsFor("Zebra Sync");

    assertThat(answers.get(Question.PACKAGE_NAME)).isEqualTo("zebra-sync");
    assertThat(answers.get(Question.MODULE_NAME)).isEqualTo("zebra_sync");
    assertThat(answers.get(Question.APP_NAME)).isEqualTo("zebra_sync_app");
    assertThat(answers.get(Question.CLASS_NAME)).isEqualTo("ZebraSync");
    assertThat(answers.get(Question.IMAGE_TAG)).isEqualTo("0.0.1");
    assertThat(answers.get(Question.DESCRIPTION)).contains("Zebra Sync");
  }

  @Test
  void punctuationInTheGearNameBecomesOneSeparator() {
    Map<Question, String> answers = defaultsFor("  MRI -- QC (v2)! ");

    assertThat(answers.get(Question.PACKAGE_NAME)).isEqualTo("mri-qc-v2");
    assertThat(answers.get(Question.MODULE_NAME)).isEqualTo("mri_qc_v2");
    assertThat(answers.get(Question.CLASS_NAME)).isEqualTo("MriQcV2");
  }

  @Test
  void upperCaseAndSpacesInNamesAreRefusedWithTheReason() {
    assertThat(Question.PACKAGE_NAME.problem("Zebra-Sync")).get().asString().contains("lower-case");
    assertThat(Question.PACKAGE_NAME.problem("zebra sync")).isPresent();
    assertThat(Question.MODULE_NAME.problem("Zebra_Sync")).isPresent();
    assertThat(Question.MODULE_NAME.problem("zebra sync")).isPresent();
    assertThat(Question.MODULE_NAME.problem("9lives")).isPresent();
    assertThat(Question.APP_NAME.problem("class")).get().asString().contains("keyword");
    assertThat(Question.CLASS_NAME.problem("zebraSync")).isPresent();
    assertThat(Question.IMAGE_TAG.problem("latest")).isPresent();
    assertThat(Question.IMAGE_TAG.problem("1.0 beta")).isPresent();
    assertThat(Question.GEAR_NAME.problem(" ")).isPresent();
  }

  @Test
  void goodNamesPass() {
    assertThat(Question.PACKAGE_NAME.problem("zebra-sync")).isEmpty();
    assertThat(Question.MODULE_NAME.problem("zebra_sync")).isEmpty();
    assertThat(Question.APP_NAME.problem("zebra_app")).isEmpty();
    assertThat(Question.CLASS_NAME.problem("ZebraSync")).isEmpty();
    assertThat(Question.IMAGE_TAG.problem("1.0.0-rc.1")).isEmpty();
  }
}
