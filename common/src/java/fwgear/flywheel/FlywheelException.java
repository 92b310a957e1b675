package fwgear.flywheel;

/**
 * A Flywheel request failed. It names the method, the path, the HTTP status (0 when no answer came)
 * and the server's message, never the API key.
 */
public class FlywheelException extends RuntimeException {
  private final String method;
  private final String path;
  private final int status;
  private final String serverMessage;

  public FlywheelException(
      String method, String path, int status, String serverMessage, Throwable cause) {
    super(format(method, path, status, serverMessage), cause);
    this.method = method;
    this.path = path;
    this.status = status;
    this.serverMessage = serverMessage;
  }

  public FlywheelException(String method, String path, int status, String serverMessage) {
    this(method, path, status, serverMessage, null);
  }

  private static String format(String method, String path, int status, String message) {
    String outcome = status == 0 ? "no answer" : "HTTP " + status;
    return "Flywheel " + method + " " + path + " failed: " + outcome + ": " + message;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The HTTP status, or 0 when the server did not answer (connection error, timeout). */
  public int status() {
    return status;
  }

  public String serverMessage() {
    return serverMessage;
  }

  public boolean isNotFound() {
    return status == 404;
  }

  public boolean isConflict() {
    return status == 409;
  }
}
