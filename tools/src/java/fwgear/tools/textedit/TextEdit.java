package fwgear.tools.textedit;

import java.util.Comparator;
import java.util.List;

/** Replaces the characters {@code [start, end)} of a text; the rest stays as it was. */
public record TextEdit(int start, int end, String replacement) {

  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  /** Applies non-overlapping edits to a text. */
  public static String apply(String text, List<TextEdit> edits) {
    StringBuilder result = new StringBuilder(text);
    edits.stream()
        .sorted(Comparator.comparingInt(TextEdit::start).reversed())
        .forEach(edit -> result.replace(edit.start(), edit.end(), edit.replacement()));
    return result.toString();
  }
}
