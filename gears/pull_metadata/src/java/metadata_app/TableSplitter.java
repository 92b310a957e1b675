package metadata_app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits one CSV table by center in one pass: each record goes, as it was written, to its center's
 * file (header first) as it is read, so memory does not grow with the table. Each file's Flywheel
 * hash ({@code v0-sha384-...}) is computed while it is written.
 */
final class TableSplitter {
  /** How many line numbers of unreadable rows a report names. */
  static final int LINES_SHOWN = 5;

  private TableSplitter() {}

  /** A table that cannot be split: no site column, not UTF-8, not CSV. */
  static final class TableException extends Exception {
    TableException(String message) {
      super(message);
    }
  }

  /** One center's split file. */
  record CenterFile(String adcid, Path path, long rows, long size, String hash) {}

  /**
   * The outcome of a split.
   *
   * @param unreadableLines the first {@link #LINES_SHOWN} lines whose site could not be read
   */
  record SplitTable(
      String table,
      SiteColumn column,
      long rows,
      List<CenterFile> centers,
      long unreadable,
      List<Long> unreadableLines,
      long blankLines) {}

  /**
   * Reads {@code in} (UTF-8) and writes one file per center under {@code folder}.
   *
   * @throws TableException naming the table and line when it cannot be split (nothing is kept)
   */
  static SplitTable split(String table, InputStream in, Path folder)
      throws IOException, TableException {
    Files.createDirectories(folder);
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    RawRecords records = new RawRecords(new InputStreamReader(in, decoder));
    Map<String, Output> outputs = new LinkedHashMap<>();
    boolean done = false;
    try {
      String header = records.next();
      if (header == null) {
        throw new TableException(table + ": the table is empty (no header)");
      }
      String headerText = header.startsWith("\uFEFF") ? header.substring(1) : header;
      SiteColumn column =
          SiteColumn.of(fields(table, headerText, 1))
              .orElseThrow(
                  () ->
                      new TableException(
                          table + ": line 1: the header has no ADCID or SITE column"));
      long rows = 0;
      long unreadable = 0;
      long blank = 0;
      List<Long> lines = new ArrayList<>();
      String record;
      while ((record = records.next()) != null) {
        List<String> fields = fields(table, record, records.recordLine());
        if (fields.isEmpty()) {
          blank++;
          continue;
        }
        rows++;
        Optional<String> adcid = column.cell(fields).flatMap(column::adcid);
        if (adcid.isEmpty()) {
          unreadable++;
          if (lines.size() < LINES_SHOWN) {
            lines.add(records.recordLine());
          }
          continue;
        }
        Output output = outputs.get(adcid.get());
        if (output == null) {
          output = new Output(folder.resolve("adcid-" + adcid.get() + ".csv"), header);
          outputs.put(adcid.get(), output);
        }
        output.write(record);
      }
      List<CenterFile> centers = new ArrayList<>();
      for (Map.Entry<String, Output> entry : outputs.entrySet()) {
        centers.add(entry.getValue().finish(entry.getKey()));
      }
      done = true;
      return new SplitTable(table, column, rows, centers, unreadable, lines, blank);
    } catch (CharacterCodingException e) {
      throw new TableException(
          table + ": line " + records.recordLine() + ": the table is not UTF-8 text");
    } finally {
      if (!done) {
        for (Output output : outputs.values()) {
          output.discard();
        }
      }
    }
  }

  private static List<String> fields(String table, String record, long line) throws TableException {
    try {
      return SiteColumn.fields(record);
    } catch (IOException e) {
      throw new TableException(table + ": line " + line + ": not valid CSV: " + e.getMessage());
    }
  }

  /** A center's file being written, and the hash of what was written. */
  private static final class Output {
    private final Path path;
    private final MessageDigest digest;
    private final Writer writer;
    private long rows;
    private final CountingStream counter;

    Output(Path path, String header) throws IOException {
      this.path = path;
      try {
        this.digest = MessageDigest.getInstance("SHA-384");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-384 is part of every JDK", e);
      }
      this.counter =
          new CountingStream(new DigestOutputStream(Files.newOutputStream(path), digest));
      this.writer = new BufferedWriter(new OutputStreamWriter(counter, StandardCharsets.UTF_8));
      writer.write(header);
    }

    void write(String record) throws IOException {
      writer.write(record);
      rows++;
    }

    CenterFile finish(String adcid) throws IOException {
      writer.close();
      String hash = "v0-sha384-" + HexFormat.of().formatHex(digest.digest());
      return new CenterFile(adcid, path, rows, counter.count, hash);
    }

    void discard() {
      try {
        writer.close();
      } catch (IOException e) {
        // the file goes anyway
      }
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // a leftover in the work folder, which the job discards
      }
    }
  }

  /** Counts the bytes written. */
  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
