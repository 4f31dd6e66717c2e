package herald.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Invalid;
import herald.domain.intake.ImportRow;
import herald.domain.jobs.RejectedRow;
import herald.platform.Json;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CsvRowsTest {
  static List<ImportRow> rows(String csv) {
    List<ImportRow> rows = new ArrayList<>();
    new CsvRows(() -> new StringReader(csv)).rows().forEachRemaining(rows::add);
    return rows;
  }

  static String customer(ImportRow row) {
    assertThat(row.rejected()).as("line " + row.line() + " rejected").isNull();
    return Json.parse(row.customer()).toString();
  }

  @Test
  void eachRowBecomesTheCustomerObjectPostCustomersTakes() {
    List<ImportRow> rows = rows("""
        source_id,name,email,phone,timezone,consents.email,consents.sms,metadata.plan,metadata.address.city
        c1,Ada Lovelace,ada@example.com,+447700900123,Europe/London,true,FALSE,gold,London
        c2,,,,,,,,
        """);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).line()).isEqualTo(2);
    assertThat(Json.parse(rows.get(0).customer())).isEqualTo(Json.parse("""
        {"source_id":"c1","name":"Ada Lovelace","email":"ada@example.com","phone":"+447700900123",
         "timezone":"Europe/London","consents":{"email":{"granted":true},"sms":{"granted":false}},
         "metadata":{"plan":"gold","address":{"city":"London"}}}"""));
    assertThat(customer(rows.get(1))).as("an empty cell is a field not given").isEqualTo("{\"source_id\":\"c2\"}");
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaksAndLinesAreThoseOfTheFile() {
    List<ImportRow> rows = rows("source_id,name,metadata.note\n"
        + "c1,\"Lovelace, Ada\",\"she said \"\"hi\"\"\"\n"
        + "c2,Bob,\"two\nlines\r\nand three\"\n"
        + "c3,\"\",plain\n"
        + "c4,\"Dee\" , 5\" screen\\\n");

    assertThat(rows).extracting(ImportRow::line).containsExactly(2L, 3L, 6L, 7L);
    assertThat(Json.parse(rows.get(0).customer()).path("name").asText()).isEqualTo("Lovelace, Ada");
    assertThat(Json.parse(rows.get(0).customer()).at("/metadata/note").asText()).isEqualTo("she said \"hi\"");
    assertThat(Json.parse(rows.get(1).customer()).at("/metadata/note").asText()).isEqualTo("two\nlines\r\nand three");
    assertThat(Json.parse(rows.get(2).customer()).has("name")).as("a quoted empty cell is not given either").isFalse();
    assertThat(Json.parse(rows.get(3).customer()).path("name").asText()).as("blanks after a closing quote are passed "
        + "over").isEqualTo("Dee");
    assertThat(Json.parse(rows.get(3).customer()).at("/metadata/note").asText()).as("a quote inside a field that is "
        + "not quoted is text, as spreadsheets read it; a backslash escapes nothing").isEqualTo(" 5\" screen\\");
  }

  @Test
  void readsCrlfLineEndsAByteOrderMarkBlankLinesAndNoNewlineAtTheEnd() {
    List<ImportRow> rows = rows("\uFEFFsource_id,name\r\nc1,Ada\r\n\r\nc2,Bob\r\nc3,Cy");

    assertThat(rows).extracting(ImportRow::line).containsExactly(2L, 4L, 5L);
    assertThat(rows).extracting(CsvRowsTest::customer).containsExactly("{\"source_id\":\"c1\",\"name\":\"Ada\"}",
        "{\"source_id\":\"c2\",\"name\":\"Bob\"}", "{\"source_id\":\"c3\",\"name\":\"Cy\"}");
  }

  @Test
  void aRowThatCannotBeReadIsARejectionWithItsLineAndTheRowsAfterItAreRead() {
    List<ImportRow> rows = rows("source_id,name,consents.email\n"
        + "c1,Ada,true\n"
        + "c2,Bo\"b,true\n"
        + "c3,\"Cy\"x,true\n"
        + "c4,Dee\n"
        + "c5,Eve,maybe\n"
        + "c6,\"Fay\nFord\",false\n"
        + "c7,Gus,true,extra\n"
        + "c8,\"Hal,true\n"
        + "c9,Ivy,true\n");

    assertThat(rows.get(0).customer()).isNotNull();
    assertThat(Json.parse(rows.get(1).customer()).path("name").asText()).as("a quote inside a field that is not "
        + "quoted is text").isEqualTo("Bo\"b");
    assertThat(rows.stream().filter(r -> r.rejected() != null).map(ImportRow::rejected).toList()).containsExactly(
        new RejectedRow(4, "malformed_row", null, "text follows the closing quote of a field"),
        new RejectedRow(5, "wrong_column_count", null, "the row has 2 fields where the header has 3"),
        new RejectedRow(6, "invalid_value", "consents.email", "consents.email must be true or false"),
        new RejectedRow(9, "wrong_column_count", null, "the row has 4 fields where the header has 3"),
        new RejectedRow(10, "malformed_row", null, "a quoted field is not closed before the end of the file"));
    assertThat(rows.get(5).line()).isEqualTo(7);
    assertThat(customer(rows.get(5))).contains("Fay\\nFord");
    assertThat(rows).as("nothing of a rejected row's data is in its reason").allSatisfy(row -> {
      if (row.rejected() != null) assertThat(row.rejected().message()).doesNotContain("Cy", "Dee", "maybe", "Hal", "extra");
    });
  }

  @Test
  void aRowThatBreaksAfterAQuotedLineBreakIsRejectedAtItsFirstLineAndReadingGoesOnAfterTheLineItBrokeOn() {
    List<ImportRow> rows = rows("source_id,name\nc1,\"Jo\r\nJones\"x,more\nc2,Ada\n");

    assertThat(rows).extracting(r -> r.rejected() == null ? "ok@" + r.line() : r.rejected().code() + "@" + r.line())
        .containsExactly("malformed_row@2", "ok@4");
  }

  @Test
  void aRowLongerThanTheLimitIsRejectedWithoutBeingKept() {
    String huge = "x".repeat(CsvRecords.MAX_CHARS + 10);
    List<ImportRow> rows = rows("source_id,name\nc1," + huge + "\nc2,\"" + huge + "\"\nc3,Cy\n");
    assertThat(rows).extracting(r -> r.rejected() == null ? "ok" : r.rejected().code() + "@" + r.line())
        .containsExactly("row_too_large@2", "row_too_large@3", "ok");
  }

  @Test
  @Timeout(30)
  void theFileIsReadAsAStreamNoFurtherThanTheRowsTakenNeed() {
    List<EndlessRows> opened = new ArrayList<>();
    Iterator<ImportRow> rows = new CsvRows(() -> {
      opened.add(new EndlessRows("source_id,name\n", i -> "c" + i + ",\"Customer\n" + i + "\"\n"));
      return opened.getLast();
    }).rows();

    for (int i = 0; i < 1000; i++) assertThat(rows.next().line()).isEqualTo(2 + 2L * i);
    assertThat(opened.getLast().served).as("characters read for the first 1,000 rows of an endless file")
        .isLessThan(100_000);
  }

  @Test
  void theRowsCanBeReadAgainFromTheStart() {
    CsvRows file = new CsvRows(() -> new StringReader("source_id\na\nb\n"));
    List<ImportRow> first = new ArrayList<>();
    List<ImportRow> second = new ArrayList<>();
    file.rows().forEachRemaining(first::add);
    file.rows().forEachRemaining(second::add);
    assertThat(second).isEqualTo(first).hasSize(2);
  }

  @Test
  void aHeaderThatCannotBeUsedIsRefusedWithTheColumnAtFault() {
    assertRefused("", "empty_file", "body");
    assertRefused("\r\n\r\n", "empty_file", "body");
    assertRefused("name,email\nAda,ada@example.com\n", "missing_column", "source_id");
    assertRefused("source_id,nickname\n", "unknown_column", "nickname");
    assertRefused("source_id,consents.push\n", "unknown_column", "consents.push");
    assertRefused("source_id,metadata.\n", "unknown_column", "metadata.");
    assertRefused("source_id,name,name\n", "duplicate_column", "name");
    assertRefused("source_id,metadata.a,metadata.a.b\n", "conflicting_columns", "metadata.a.b");
    assertRefused("source_id,,name\n", "invalid_column", "header");
    assertRefused("source_id,\"na\"me\n", "malformed_header", "body");
  }

  /** A file that never ends: the header, then row after row, made as they are read. */
  static final class EndlessRows extends Reader {
    private final IntFunction<String> row;
    private String pending;
    private int at;
    private int next;
    long served;

    EndlessRows(String header, IntFunction<String> row) {
      this.row = row;
      this.pending = header;
    }

    @Override public int read(char[] into, int offset, int length) {
      if (at == pending.length()) {
        pending = row.apply(next++);
        at = 0;
      }
      int n = Math.min(length, pending.length() - at);
      pending.getChars(at, at + n, into, offset);
      at += n;
      served += n;
      return n;
    }

    @Override public void close() {}
  }

  private static void assertRefused(String csv, String code, String field) {
    assertThatThrownBy(() -> new CsvRows(() -> new StringReader(csv))).isInstanceOfSatisfying(Invalid.class, e -> {
      assertThat(e.code()).as(csv).isEqualTo(code);
      assertThat(e.field()).as(csv).isEqualTo(field);
    });
  }
}
