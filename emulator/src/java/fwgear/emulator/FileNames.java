package fwgear.emulator;

import java.nio.charset.StandardCharsets;

/**
 * File names are stored exactly as sent, or refused: no trimming, no rewriting. A name is what a
 * gear later writes under {@code /flywheel/v0/input/<input>/}, so it must be one path segment of at
 * most 255 bytes (UTF-8), without control characters.
 */
final class FileNames {
  static final int MAX_BYTES = 255;

  private FileNames() {}

  /** The name, or 400 saying what is wrong with it. */
  static String check(String name) {
    if (name == null || name.isEmpty()) {
      throw ApiError.badField("filename", "filename: a file name is required");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw ApiError.badField(
          "filename", "A file name has at most " + MAX_BYTES + " bytes (UTF-8)");
    }
    if (name.equals(".") || name.equals("..") || name.isBlank()) {
      throw ApiError.badField(
          "filename", "filename: a file name cannot be '.', '..' or only spaces");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') {
        throw ApiError.badField("filename", "filename: a file name cannot contain '/' or '\\'");
      }
      if (c < 0x20 || c == 0x7f) {
        throw ApiError.badField(
            "filename", "filename: a file name cannot contain control characters");
      }
    }
    return name;
  }
}
