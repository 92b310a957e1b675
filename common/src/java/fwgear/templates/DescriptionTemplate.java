package fwgear.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A project description with placeholders, as Python's {@code string.Template} reads it (the seed
 * substitutes template descriptions that way): {@code $name} or {@code ${name}} is a variable (a
 * name is a letter or underscore, then letters, digits, underscores; ASCII), {@code $$} is a dollar
 * sign, and any other {@code $} is malformed. Unlike the seed, which crashed on the first bad
 * placeholder after other writes were made, {@link #problems(Set)} lists every one up front.
 */
public final class DescriptionTemplate {
  private final String text;
  private final List<Part> parts = new ArrayList<>();
  private final List<Issue> malformed = new ArrayList<>();

  /** A bad placeholder: where (1-based line and column of its {@code $}) and what is wrong. */
  public record Issue(int line, int column, String message) {
    @Override
    public String toString() {
      return message + " at line " + line + ", column " + column;
    }
  }

  private sealed interface Part {}

  private record Literal(String text) implements Part {}

  private record Variable(String name, int line, int column) implements Part {}

  public DescriptionTemplate(String text) {
    this.text = text;
    parse();
  }

  public String text() {
    return text;
  }

  /** The variables the text names, in order of first use. */
  public Set<String> variables() {
    Set<String> names = new java.util.LinkedHashSet<>();
    parts.forEach(
        part -> {
          if (part instanceof Variable v) {
            names.add(v.name());
          }
        });
    return names;
  }

  /**
   * What is wrong with the text given the variables that have values: each malformed {@code $} and
   * each unknown variable, with its line and column (1-based), empty when it can be substituted.
   */
  public List<String> problems(Set<String> known) {
    return issues(known).stream().map(Issue::toString).toList();
  }

  /** {@link #problems(Set)} with their places apart from their messages. */
  public List<Issue> issues(Set<String> known) {
    List<Issue> issues = new ArrayList<>(malformed);
    Set<String> reported = new TreeSet<>();
    for (Part part : parts) {
      if (part instanceof Variable v && !known.contains(v.name()) && reported.add(v.name())) {
        issues.add(
            new Issue(
                v.line(),
                v.column(),
                "unknown variable $"
                    + v.name()
                    + " (known: "
                    + String.join(", ", known.stream().sorted().map(k -> "$" + k).toList())
                    + ")"));
      }
    }
    return issues;
  }

  /**
   * The text with each variable replaced by its value.
   *
   * @throws IllegalArgumentException listing the {@link #problems(Set)} when there are any
   */
  public String substitute(Map<String, String> values) {
    List<String> problems = problems(values.keySet());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Variable v) {
        out.append(values.get(v.name()));
      }
    }
    return out.toString();
  }

  private void parse() {
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$') {
        literal.append(c);
        i++;
        continue;
      }
      int start = i;
      if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
        literal.append('$');
        i += 2;
        continue;
      }
      boolean braced = i + 1 < text.length() && text.charAt(i + 1) == '{';
      int nameStart = braced ? i + 2 : i + 1;
      int end = nameStart;
      if (end < text.length() && isStart(text.charAt(end))) {
        end++;
        while (end < text.length() && isPart(text.charAt(end))) {
          end++;
        }
      }
      boolean named = end > nameStart;
      boolean closed = !braced || (end < text.length() && text.charAt(end) == '}');
      if (!named || !closed) {
        malformed.add(
            new Issue(
                line(start),
                column(start),
                "malformed placeholder " + snippet(start) + " (write $$ for a dollar sign)"));
        literal.append('$');
        i++;
        continue;
      }
      if (!literal.isEmpty()) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      parts.add(new Variable(text.substring(nameStart, end), line(start), column(start)));
      i = braced ? end + 1 : end;
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
  }

  private static boolean isStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isPart(char c) {
    return isStart(c) || (c >= '0' && c <= '9');
  }

  private String snippet(int at) {
    int end = Math.min(text.length(), at + 8);
    int newline = text.indexOf('\n', at);
    if (newline >= 0 && newline < end) {
      end = newline;
    }
    return "'" + text.substring(at, end) + "'";
  }

  private int line(int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private int column(int at) {
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return at - lineStart + 1;
  }
}
