package fwgear.context;

import java.util.Locale;

/** The outcome of a quality-control check recorded in {@code .metadata.json}. */
public enum QcState {
  PASS,
  FAIL,
  NA;

  /** Parses pass, fail or na in any case. */
  public static QcState parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a QC state is pass, fail or na, not \"" + text + "\"", e);
    }
  }
}
