package fwgear.tools;

/** Bad usage of a command (exit code 2), reported as one line without a stack trace. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
