package fwgear.engine;

/**
 * The gear's work failed in a way it can explain in one line (exit code 1). The message is shown to
 * the user and must never contain an API key.
 */
public class GearExecutionException extends Exception {
  public GearExecutionException(String message) {
    super(message);
  }

  public GearExecutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
