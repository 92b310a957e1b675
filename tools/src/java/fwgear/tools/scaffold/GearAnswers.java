package fwgear.tools.scaffold;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answers to every {@link Question}: what a new gear is called and who made it. */
public record GearAnswers(Map<Question, String> values) {

  public GearAnswers {
    EnumMap<Question, String> copy = new EnumMap<>(Question.class);
    copy.putAll(values);
    for (Question question : Question.values()) {
      if (!copy.containsKey(question)) {
        throw new IllegalArgumentException("no answer for " + question.variable());
      }
    }
    values = Collections.unmodifiableMap(copy);
  }

  public String get(Question question) {
    return values.get(question);
  }

  public String gearName() {
    return get(Question.GEAR_NAME);
  }

  public String packageName() {
    return get(Question.PACKAGE_NAME);
  }

  public String moduleName() {
    return get(Question.MODULE_NAME);
  }

  public String appName() {
    return get(Question.APP_NAME);
  }

  public String imageTag() {
    return get(Question.IMAGE_TAG);
  }

  /** The answers as template variables ({@code gear_name} and so on), in question order. */
  public Map<String, String> variables() {
    Map<String, String> variables = new LinkedHashMap<>();
    values.forEach((question, value) -> variables.put(question.variable(), value));
    return variables;
  }
}
