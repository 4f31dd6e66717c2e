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
      boolean[] quoted = QuotedLines.of(text);
      long previous = 0;
      for (CsvRecords.Record record : records) {
        assertThat(record.line()).as("lines only grow: %s", text).isGreaterThan(previous)
            .isLessThanOrEqualTo(lines.size());
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
        assertThat(starts.contains((long) n)).as("line %d of %s starts a record unless it is blank or a quoted "
            + "field of the record before it goes on there", n, text)
            .isEqualTo(!quoted[n - 1] && !lines.get(n - 1).isEmpty());
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

  /**
   * Which lines of a file start inside a quoted field, by the rules the reader keeps: a double quote opens a quoted
   * field only as a field's first character; in one, {@code ""} is a quote and a lone one closes it; after the
   * closing quote blanks are passed over, and any other character but a comma or a line break breaks the record,
   * which goes on with a new field after that character.
   */
  static final class QuotedLines {
    private QuotedLines() {}

    static boolean[] of(String text) {
      List<String> lines = physicalLines(text);
      boolean[] quoted = new boolean[lines.size()];
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      enum State { START, PLAIN, QUOTED, CLOSED }
      State state = State.START;
      int line = 0;
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '\r' || c == '\n') {
          if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') i++;
          if (state != State.QUOTED) state = State.START;
          quoted[++line] = state == State.QUOTED;
          continue;
        }
        state = switch (state) {
          case START -> c == '"' ? State.QUOTED : c == ',' ? State.START : State.PLAIN;
          case PLAIN -> c == ',' ? State.START : State.PLAIN;
          case QUOTED -> {
            if (c != '"') yield State.QUOTED;
            if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
              i++;
              yield State.QUOTED;
            }
            yield State.CLOSED;
          }
          case CLOSED -> c == ',' ? State.START : c <= ' ' ? State.CLOSED : State.START;
        };
      }
      return quoted;
    }
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
