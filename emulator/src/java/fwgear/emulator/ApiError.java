package fwgear.emulator;

/**
 * A request the emulator refuses: answered with {@code {"message": ...}} and the status, plus the
 * {@code key} of the offending field when one is to blame (as Flywheel's input validation does).
 */
final class ApiError extends RuntimeException {
  private final int status;
  private final String key;

  ApiError(int status, String message) {
    this(status, message, null);
  }

  private ApiError(int status, String message, String key) {
    super(message, null, false, false);
    this.status = status;
    this.key = key;
  }

  int status() {
    return status;
  }

  /** The field (or path parameter) the error is about, or null. */
  String key() {
    return key;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  /** 400 about one field of the body or one path parameter, named in {@code key}. */
  static ApiError badField(String field, String message) {
    return new ApiError(400, message, field);
  }

  static ApiError forbidden(String message) {
    return new ApiError(403, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  static ApiError conflict(String message) {
    return new ApiError(409, message);
  }

  static ApiError unprocessable(String message) {
    return new ApiError(422, message);
  }
}
