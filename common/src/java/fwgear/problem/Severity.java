package fwgear.problem;

/** How bad a {@link Problem} is: errors fail a check, warnings only fail it when asked to. */
public enum Severity {
  ERROR,
  WARNING
}
