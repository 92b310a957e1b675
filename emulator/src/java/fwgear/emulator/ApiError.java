package fwgear.emulator;

/** A request the emulator refuses: answered with {@code {"message": ...}} and the status. */
final class ApiError extends RuntimeException {
  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
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
