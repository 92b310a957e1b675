package metadata_app;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a CSV character stream into its records as they are written, each with its line end ({@code
 * \n}, {@code \r\n} or {@code \r}), so that a split file holds the table's bytes unchanged. Only
 * the record boundaries are decided here (a line end outside a quoted field ends a record, as RFC
 * 4180 and Jackson's CSV parser have it); the fields of each record are read by Jackson ({@link
 * SiteColumn}). Reads through a buffer: memory does not grow with the table, only with the longest
 * record.
 */
final class RawRecords {
  private final Reader in;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int length;
  private long line = 1;
  private long recordLine = 1;

  RawRecords(Reader in) {
    this.in = in;
  }

  /** The line the last record returned starts on (1 for the first). */
  long recordLine() {
    return recordLine;
  }

  /** The next record with its line end, or null at the end of the stream. */
  String next() throws IOException {
    recordLine = line;
    StringBuilder record = new StringBuilder(128);
    boolean quoted = false;
    boolean fieldStart = true;
    while (true) {
      int c = read();
      if (c < 0) {
        return record.length() == 0 ? null : record.toString();
      }
      record.append((char) c);
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            record.append((char) read());
          } else {
            quoted = false;
          }
        } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
          line++;
        }
        continue;
      }
      if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c == ',') {
        fieldStart = true;
      } else if (c == '\r') {
        if (peek() == '\n') {
          record.append((char) read());
        }
        line++;
        return record.toString();
      } else if (c == '\n') {
        line++;
        return record.toString();
      } else {
        fieldStart = false;
      }
    }
  }

  private int read() throws IOException {
    if (position == length && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == length && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    length = n;
    return true;
  }
}
