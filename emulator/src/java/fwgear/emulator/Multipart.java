package fwgear.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code multipart/form-data} body split into its parts (RFC 7578), enough for file uploads. */
final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

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
        Map<String, String> parameters =
            dispositionParameters(line.substring("content-disposition:".length()));
        name = parameters.get("name");
        filename = parameters.get("filename");
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

  /**
   * The parameters of {@code form-data; name="file"; filename="a\\"b.txt"}: quoted strings with
   * backslash escapes (RFC 7230), or tokens; {@code filename*=UTF-8''...} (RFC 5987) wins over
   * {@code filename}. Anything malformed is refused, so a name is never cut short.
   */
  static Map<String, String> dispositionParameters(String value) {
    Map<String, String> parameters = new HashMap<>();
    int at = value.indexOf(';');
    if (at < 0) {
      return parameters;
    }
    int n = value.length();
    while (at < n) {
      while (at < n
          && (value.charAt(at) == ';' || value.charAt(at) == ' ' || value.charAt(at) == '\t')) {
        at++;
      }
      if (at >= n) {
        break;
      }
      int equals = value.indexOf('=', at);
      if (equals < 0) {
        throw ApiError.badRequest("A multipart Content-Disposition parameter has no value");
      }
      String key = value.substring(at, equals).strip().toLowerCase(Locale.ROOT);
      at = equals + 1;
      StringBuilder text = new StringBuilder();
      if (at < n && value.charAt(at) == '"') {
        at++;
        boolean closed = false;
        while (at < n) {
          char c = value.charAt(at++);
          if (c == '\\' && at < n) {
            text.append(value.charAt(at++));
          } else if (c == '"') {
            closed = true;
            break;
          } else {
            text.append(c);
          }
        }
        if (!closed) {
          throw ApiError.badRequest("A multipart Content-Disposition value is not closed");
        }
        while (at < n && (value.charAt(at) == ' ' || value.charAt(at) == '\t')) {
          at++;
        }
        if (at < n && value.charAt(at) != ';') {
          throw ApiError.badRequest(
              "A multipart Content-Disposition value has text after its closing quote");
        }
      } else {
        int end = value.indexOf(';', at);
        end = end < 0 ? n : end;
        text.append(value, at, end);
        if (text.indexOf("\"") >= 0) {
          throw ApiError.badRequest("A multipart Content-Disposition value has a stray quote");
        }
        at = end;
      }
      if (parameters.put(key, text.toString()) != null) {
        throw ApiError.badRequest("A multipart Content-Disposition repeats " + key);
      }
    }
    String plain = parameters.get("filename");
    if (plain != null) {
      parameters.put("filename", decodeFormEscapes(plain));
    }
    String extended = parameters.remove("filename*");
    if (extended != null) {
      parameters.put("filename", decodeExtended(extended));
    }
    return parameters;
  }

  /**
   * The HTML form encoding of a name (WHATWG; what browsers, curl 7.81+, Python's requests and our
   * client send): {@code "} as {@code %22}, CR as {@code %0D}, LF as {@code %0A}. Other percent
   * signs are left as they are. (A name with CR or LF is then refused as a whole.)
   */
  static String decodeFormEscapes(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    return value.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
  }

  private static String decodeExtended(String value) {
    int quote = value.indexOf("''");
    if (quote < 0 || !value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
      throw ApiError.badRequest("filename* must be UTF-8''<percent-encoded name>");
    }
    try {
      return java.net.URLDecoder.decode(
          value.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("filename* is not percent-encoded correctly");
    }
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
