package metadata_app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import metadata_app.TableSplitter.CenterFile;
import metadata_app.TableSplitter.SplitTable;
import metadata_app.TableSplitter.TableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSplitterTest {
  @TempDir Path temp;

  private SplitTable split(String text) throws Exception {
    return TableSplitter.split(
        "t.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), temp);
  }

  private static Map<String, String> contents(SplitTable table) {
    return table.centers().stream()
        .collect(
            Collectors.toMap(
                CenterFile::adcid,
                c -> {
                  try {
                    return Files.readString(c.path());
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }));
  }

  @Test
  void quotedMultiLineFieldsBomAndCrlfSurviveByteForByte() throws Exception {
    String header = "\uFEFFADCID,NOTE,\"QUOTED, HEADER\"\r\n";
    String a1 = "12,\"two\r\nlines, and \"\"quotes\"\"\",x\r\n";
    String b1 = "7,plain,y\r\n";
    String a2 = "012,\"a \"\"b\"\" c\",\r\n";
    String b2 = " 7 ,\"\",last"; // no line end at the end of the table
    SplitTable table = split(header + a1 + b1 + a2 + b2);

    assertThat(table.column()).isEqualTo(new SiteColumn("ADCID", 0));
    assertThat(table.rows()).isEqualTo(4);
    assertThat(contents(table))
        .containsExactly(Map.entry("12", header + a1 + a2), Map.entry("7", header + b1 + b2));
    CenterFile twelve = table.centers().get(0);
    byte[] bytes = (header + a1 + a2).getBytes(StandardCharsets.UTF_8);
    assertThat(twelve.rows()).isEqualTo(2);
    assertThat(twelve.size()).isEqualTo(bytes.length);
    assertThat(twelve.hash())
        .isEqualTo(
            "v0-sha384-"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-384").digest(bytes)));
  }

  @Test
  void theSiteColumnReadsAdcInBrackets() throws Exception {
    SplitTable table =
        split(
            "ID,SITE\n1,Alpha ADRC (ADC 12)\n2,Beta (ADC7)\n3,\"Gamma, Inc. (ADC 12)\"\n"
                + "4,no center\n5,\n6\n\n");

    assertThat(table.column().name()).isEqualTo("SITE");
    assertThat(contents(table))
        .containsOnly(
            Map.entry("12", "ID,SITE\n1,Alpha ADRC (ADC 12)\n3,\"Gamma, Inc. (ADC 12)\"\n"),
            Map.entry("7", "ID,SITE\n2,Beta (ADC7)\n"));
    // Never silently dropped: counted, with their lines; the blank line is not a row.
    assertThat(table.unreadable()).isEqualTo(3);
    assertThat(table.unreadableLines()).containsExactly(5L, 6L, 7L);
    assertThat(table.blankLines()).isEqualTo(1);
  }

  @Test
  void adcidWinsOverSiteAndLineNumbersCountLinesInsideQuotes() throws Exception {
    SplitTable table = split("SITE,adcid\n\"x\ny (ADC 1)\",3\nz,abc\n");

    assertThat(table.column()).isEqualTo(new SiteColumn("ADCID", 1));
    assertThat(table.unreadableLines()).containsExactly(4L);
    assertThat(contents(table)).containsOnlyKeys("3");
  }

  @Test
  void aTableWithoutSiteColumnOrNotCsvIsRefusedWithNothingKept() throws Exception {
    assertThatThrownBy(() -> split("A,B\n1,2\n"))
        .isInstanceOf(TableException.class)
        .hasMessage("t.csv: line 1: the header has no ADCID or SITE column");
    assertThatThrownBy(() -> split("ADCID,B\n1,2\n2,\"open\n"))
        .isInstanceOf(TableException.class)
        .hasMessageStartingWith("t.csv: line 3: not valid CSV");
    assertThat(Files.list(temp)).isEmpty();
    assertThatThrownBy(
            () ->
                TableSplitter.split(
                    "t.csv",
                    new ByteArrayInputStream(
                        new byte[] {'A', 'D', 'C', 'I', 'D', '\n', (byte) 0xff, '\n'}),
                    temp))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> split(""))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void siteValues() {
    SiteColumn adcid = new SiteColumn("ADCID", 0);
    SiteColumn site = new SiteColumn("SITE", 0);
    assertThat(adcid.adcid(" 042 ")).contains("42");
    assertThat(adcid.adcid("4.0")).isEmpty();
    assertThat(site.adcid("Alpha ADRC (ADC 12)")).contains("12");
    assertThat(site.adcid("(ADC 12)")).isEmpty(); // the seed's pattern needs a name first
    assertThat(SiteColumn.of(List.of(" site ", "x")))
        .isEqualTo(Optional.of(new SiteColumn("SITE", 0)));
  }
}
