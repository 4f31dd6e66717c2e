package herald.adapters.json;

import static herald.properties.Generators.anyText;
import static herald.properties.Generators.booleans;
import static herald.properties.Generators.lists;
import static herald.properties.Generators.oneOf;
import static herald.properties.Generators.pick;
import static herald.properties.Generators.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.intake.ImportRow;
import herald.platform.Json;
import herald.properties.Theories;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The CSV reader against files written by the book (RFC 4180 quoting, any line ends, blank lines, a byte order
 * mark) and against garbage: good records come back exactly, with the line they start on; broken ones come
 * back as rejections; nothing throws, and no line of the file is lost or read twice.
 */
class CsvRecordsPropertiesTest {
  private static final String CHARS = "ab ,\"\r\n\t\uFEFFé";
  private static final String GARBAGE = "a,\"\"\r\n \uFEFF";

  @Test
  void readsBackRecordsWrittenWithRfc4180QuotingWithTheLinesTheyStartOn() {
    Theories.check(400, files(), file ->
        assertThat(read(file.text())).as(file.text()).containsExactlyElementsOf(file.expected()));
  }

  /** Files long enough that records and quoted line breaks straddle the parser's buffers. */
  @Test
  void readsBackLargeFilesWithTheLinesTheirRecordsStartOn() {
    Theories.check(40, files(400, 300), file ->
        assertThat(read(file.text())).as("%,d characters", file.text().length())
            .containsExactlyElementsOf(file.expected()));
  }

  @Test
  void garbageNeverThrowsAndEveryLineIsReadOnce() {
    Theories.check(400, garbage(), text -> {
      List<CsvRecords.Record> records = read(text);
      List<String> lines = physicalLines(text);
      long previous = 0;
      for (CsvRecords.Record record : records) {
        assertThat(record.line()).as("lines only grow: %s", text).isGreaterThan(previous)
            .isLessThanOrEqualTo(lines.size());
        assertThat(lines.get((int) record.line() - 1)).as("a record starts on a line with text").isNotEmpty();
        if (record.error() != null) {
          assertThat(record.code()).isIn("malformed_row", "row_too_large");
          assertThat(record.fields()).isEmpty();
        } else {
          assertThat(record.fields()).isNotEmpty();
        }
        previous = record.line();
      }
      Set<Long> starts = new HashSet<>(records.stream().map(CsvRecords.Record::line).toList());
      for (int n = 1; n <= lines.size(); n++) {
        if (lines.get(n - 1).isEmpty() || starts.contains((long) n)) continue;
        long owner = 0;
        for (long start : starts) if (start < n) owner = Math.max(owner, start);
        assertThat(owner).as("line %d of %s belongs to no record", n, text).isPositive();
        assertThat(quotesBetween(lines, owner, n) % 2).as("line %d of %s is inside a quoted field of line %d", n,
            text, owner).isEqualTo(1);
      }
    });
  }

  @Test
  void aCustomerFileWithBrokenRowsGivesOneRowOrRejectionPerRecord() {
    Theories.check(200, garbage(), body -> {
      String text = "source_id,name\n" + body;
      CsvRows file = new CsvRows(() -> new StringReader(text));
      List<ImportRow> rows = new ArrayList<>();
      file.rows().forEachRemaining(rows::add);

      List<Long> lines = read(text).stream().skip(1).map(CsvRecords.Record::line).toList();
      assertThat(rows).extracting(ImportRow::line).containsExactlyElementsOf(lines);
      assertThat(file.count(Long.MAX_VALUE - 1)).isEqualTo(rows.size());
      for (ImportRow row : rows) {
        if (row.customer() != null) assertThat(Json.parse(row.customer()).isObject()).isTrue();
        else assertThat(row.rejected().line()).isEqualTo(row.line());
      }
    });
  }

  static Gen<File> files() {
    return files(8, 8);
  }

  /** Files of up to {@code records} records, with cells of up to {@code chars} characters. */
  static Gen<File> files(int records, int chars) {
    Gen<Cell> cell = oneOf(textOf(CHARS, 0, chars), anyText(0, chars * 3 / 4)).zip(booleans(), Cell::new);
    Gen<Rec> record = lists(cell, 1, 5).zip(pick("\r\n", "\n", "\r"), pick("", "", "\n", "\r\n", "\r", "\n\n"),
        Rec::new);
    return lists(record, 0, records).zip(booleans(), booleans(), File::write);
  }

  static Gen<String> garbage() {
    return oneOf(textOf(GARBAGE, 0, 40), textOf(GARBAGE + "\"\"\"\r\n", 0, 80),
        lists(files().map(File::text), 1, 3).map(parts -> String.join("x\"y\n", parts)));
  }

  private static List<CsvRecords.Record> read(String text) {
    List<CsvRecords.Record> records = new ArrayList<>();
    new CsvRecords(new StringReader(text)).forEachRemaining(records::add);
    return records;
  }

  /** The file's lines (a line ends at CRLF, LF or CR), the byte order mark left off the first. */
  static List<String> physicalLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        start = i + 1;
      }
    }
    lines.add(text.substring(Math.min(start, text.length())));
    return lines;
  }

  private static int lineBreaks(String text) {
    int breaks = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) breaks++;
    }
    return breaks;
  }

  private static long quotesBetween(List<String> lines, long from, long to) {
    long quotes = 0;
    for (long n = from; n < to; n++) quotes += lines.get((int) n - 1).chars().filter(c -> c == '"').count();
    return quotes;
  }

  record Cell(String text, boolean quoted) {}

  record Rec(List<Cell> cells, String end, String blankLines) {}

  /** A file and the records it holds, each with the line it starts on. */
  record File(String text, List<CsvRecords.Record> expected) {
    static File write(List<Rec> records, boolean mark, boolean finalLineEnd) {
      StringBuilder text = new StringBuilder(mark ? "\uFEFF" : "");
      List<CsvRecords.Record> expected = new ArrayList<>();
      for (int r = 0; r < records.size(); r++) {
        Rec rec = records.get(r);
        long line = 1 + lineBreaks(text.toString());
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < rec.cells().size(); i++) {
          String value = rec.cells().get(i).text();
          boolean quote = rec.cells().get(i).quoted() || value.matches("(?s).*[,\"\r\n].*")
              || (value.isEmpty() && rec.cells().size() == 1) || (expected.isEmpty() && i == 0
              && value.startsWith("\uFEFF"));
          if (i > 0) text.append(',');
          text.append(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
          fields.add(value);
        }
        expected.add(new CsvRecords.Record(line, fields, null, null));
        if (r < records.size() - 1 || finalLineEnd) text.append(rec.end()).append(rec.blankLines());
      }
      return new File(text.toString(), expected);
    }
  }
}
