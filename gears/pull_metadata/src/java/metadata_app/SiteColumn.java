package metadata_app;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which column of a table names the center, and how a cell names it (the seed's {@code SiteTable}):
 * {@code ADCID} when the header has it (the cell is the number), else {@code SITE} (a cell such as
 * {@code Alpha ADRC (ADC 12)}, the number in the brackets). Column names are compared without case
 * and surrounding blanks. Pure functions; the fields of a record are read with Jackson's CSV
 * parser.
 */
record SiteColumn(String name, int index) {
  static final String ADCID = "ADCID";
  static final String SITE = "SITE";
  private static final Pattern SITE_VALUE = Pattern.compile("([^(]+)\\(ADC\\s?(\\d+)\\)");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final ObjectReader FIELDS =
      new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(String[].class);

  /** The site column of a header record, or empty when it has neither ADCID nor SITE. */
  static Optional<SiteColumn> of(List<String> header) {
    for (String wanted : List.of(ADCID, SITE)) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).strip().equalsIgnoreCase(wanted)) {
          return Optional.of(new SiteColumn(wanted, i));
        }
      }
    }
    return Optional.empty();
  }

  /** The center's ADCID (without leading zeros) a cell of this column names, if it names one. */
  Optional<String> adcid(String cell) {
    if (cell == null) {
      return Optional.empty();
    }
    String value = cell.strip();
    if (name.equals(ADCID)) {
      return NUMBER.matcher(value).matches()
          ? Optional.of(new BigInteger(value).toString())
          : Optional.empty();
    }
    Matcher site = SITE_VALUE.matcher(value);
    return site.find() ? Optional.of(new BigInteger(site.group(2)).toString()) : Optional.empty();
  }

  /** The cell of this column in a record's fields, if the record is that long. */
  Optional<String> cell(List<String> fields) {
    return index < fields.size() ? Optional.of(fields.get(index)) : Optional.empty();
  }

  /**
   * The fields of one raw record (its line end included), as Jackson's CSV parser reads them; an
   * empty list for a blank line.
   *
   * @throws IOException when the record is not valid CSV (an unclosed quote)
   */
  static List<String> fields(String record) throws IOException {
    try (MappingIterator<String[]> rows = FIELDS.readValues(record)) {
      if (!rows.hasNextValue()) {
        return List.of();
      }
      String[] fields = rows.nextValue();
      if (rows.hasNextValue()) {
        throw new IOException("one record reads as more than one row");
      }
      if (fields.length == 1 && fields[0].isEmpty() && record.strip().isEmpty()) {
        return List.of();
      }
      return List.of(fields);
    } catch (RuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
