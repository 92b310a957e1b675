package fwgear.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code multipart/form-data} body split into its parts (RFC 7578), enough for file uploads. */
final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  record Part(String name, String filename, String contentType, byte[] content) {}

  private Multipart() {}

  static List<Part> parse(String contentType, byte[] body) {
    Matcher boundaryMatch = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        || !boundaryMatch.find()) {
      throw ApiError.badRequest("A file upload is multipart/form-data with a boundary");
    }
    byte[] delimiter = ("--" + boundaryMatch.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw ApiError.badRequest("The multipart body has no part");
    }
    while (true) {
      int start = at + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        return parts; // closing delimiter
      }
      start = skipLineEnd(body, start);
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        throw ApiError.badRequest("The multipart body is not closed");
      }
      int end = next;
      if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
        end -= 2;
      }
      parts.add(part(Arrays.copyOfRange(body, start, end)));
      at = next;
    }
  }

  private static Part part(byte[] raw) {
    byte[] separator = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    int headersEnd = indexOf(raw, separator, 0);
    if (headersEnd < 0) {
      throw ApiError.badRequest("A multipart part has no headers");
    }
    String headers = new String(raw, 0, headersEnd, StandardCharsets.UTF_8);
    String name = null;
    String filename = null;
    String contentType = "application/octet-stream";
    for (String line : headers.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-disposition:")) {
        Matcher nameMatch = NAME.matcher(line);
        name = nameMatch.find() ? nameMatch.group(1) : null;
        Matcher fileMatch = FILENAME.matcher(line);
        filename = fileMatch.find() ? fileMatch.group(1) : null;
      } else if (lower.startsWith("content-type:")) {
        contentType = line.substring("content-type:".length()).strip();
      }
    }
    return new Part(
        name,
        filename,
        contentType,
        Arrays.copyOfRange(raw, headersEnd + separator.length, raw.length));
  }

  private static int skipLineEnd(byte[] body, int at) {
    if (at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n') {
      return at + 2;
    }
    return at;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
