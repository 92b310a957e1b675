package fwgear.tools.scaffold;

import fwgear.tools.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers the {@link GearAnswers}: a flag's value when given, else the default with {@code --yes},
 * else a prompt showing the default (an empty answer takes it). A bad flag value, or a bad default
 * taken with {@code --yes}, is refused with its reason; a bad typed answer is asked again.
 */
public final class Interview {
  private final Map<Question, String> given;
  private final boolean acceptDefaults;
  private final BufferedReader in;
  private final PrintWriter out;

  public Interview(
      Map<Question, String> given, boolean acceptDefaults, BufferedReader in, PrintWriter out) {
    this.given = Map.copyOf(given);
    this.acceptDefaults = acceptDefaults;
    this.in = in;
    this.out = out;
  }

  /** Every answer; throws a {@link UsageException} listing every refused value. */
  public GearAnswers run() {
    Map<Question, String> answers = new EnumMap<>(Question.class);
    List<String> refused = new ArrayList<>();
    for (Question question : Question.values()) {
      String flagValue = given.get(question);
      if (flagValue != null) {
        question
            .problem(flagValue)
            .ifPresent(reason -> refused.add(question.flag() + ": " + reason));
        answers.put(question, flagValue);
        continue;
      }
      String defaultValue = question.defaultValue(answers);
      if (acceptDefaults) {
        question
            .problem(defaultValue)
            .ifPresent(
                reason ->
                    refused.add(
                        question.flag()
                            + " (default, derived from earlier answers): "
                            + reason
                            + "; give "
                            + question.flag()
                            + " explicitly"));
        answers.put(question, defaultValue);
      } else {
        answers.put(question, ask(question, defaultValue));
      }
    }
    if (!refused.isEmpty()) {
      throw new UsageException("new: refused, nothing written:\n  " + String.join("\n  ", refused));
    }
    return new GearAnswers(answers);
  }

  private String ask(Question question, String defaultValue) {
    while (true) {
      out.print(question.label() + " [" + defaultValue + "]: ");
      out.flush();
      String line = readLine();
      if (line == null) {
        out.println();
        throw new UsageException(
            "new: standard input ended at the question '"
                + question.label()
                + "'; answer every question, or pass --yes to take the defaults");
      }
      String answer = line.strip().isEmpty() ? defaultValue : line.strip();
      Optional<String> problem = question.problem(answer);
      if (problem.isEmpty()) {
        return answer;
      }
      out.println("  " + problem.get() + "; try again");
    }
  }

  private String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the answer from standard input", e);
    }
  }
}
