package fwgear.tools;

/**
 * The exit codes of every {@code ./gear} command, the same as a gear's (the runtime's engine): one
 * place, so that scripts can tell "the work failed" from "I was called wrongly".
 */
public enum ExitCode {
  /** The command did what it was asked. */
  OK(0),
  /**
   * The work was done and failed or found problems: a build step failed, validate found errors,
   * tailor --check found missing targets, an upload was refused by the site.
   */
  FAILED(1),
  /**
   * Bad usage or bad input, found before any work: an unknown command or option, a spec naming
   * nothing, a BUILD file, gear.toml or config.json that cannot be read. Nothing was changed.
   */
  BAD_INPUT(2);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
