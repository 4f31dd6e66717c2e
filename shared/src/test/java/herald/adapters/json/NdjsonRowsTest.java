package herald.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.intake.ImportRow;
import herald.domain.jobs.RejectedRow;
import herald.platform.Json;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class NdjsonRowsTest {
  static List<ImportRow> rows(String ndjson) {
    List<ImportRow> rows = new ArrayList<>();
    new NdjsonRows(() -> new StringReader(ndjson)).rows().forEachRemaining(rows::add);
    return rows;
  }

  @Test
  void eachLineIsACustomerObjectWithItsLineNumber() {
    List<ImportRow> rows = rows("\uFEFF{\"source_id\":\"c1\",\"metadata\":{\"plan\":\"gold\"}}\r\n\n"
        + "  \n{\"source_id\":\"c2\",\"consents\":{\"sms\":{\"granted\":false}}}");

    assertThat(rows).extracting(ImportRow::line).containsExactly(1L, 4L);
    assertThat(Json.parse(rows.get(0).customer())).isEqualTo(Json.parse("{\"source_id\":\"c1\",\"metadata\":{\"plan\":\"gold\"}}"));
    assertThat(Json.parse(rows.get(1).customer()).at("/consents/sms/granted").asBoolean()).isFalse();
  }

  @Test
  void aLineThatIsNotAJsonObjectIsRejectedWithoutItsText() {
    List<ImportRow> rows = rows("{\"source_id\":\"c1\"}\n{\"source_id\": ada@example.com}\n[1,2]\n\"text\"\n"
        + "{\"source_id\":\"c5\"} trailing\n{\"source_id\":\"c6\"}\n{\"source_id\":\n{\"source_id\":\"c8\"}\r"
        + "[{\"source_id\":\"c9\"}]\r\n{\"a\":1}{\"b\":2}\n");

    assertThat(rows).extracting(r -> r.rejected() == null ? "ok@" + r.line() : r.rejected().code() + "@" + r.line())
        .as("a line cut short does not take the next line with it").containsExactly("ok@1", "malformed_json@2",
            "invalid_type@3", "invalid_type@4", "malformed_json@5", "ok@6", "malformed_json@7", "ok@8",
            "invalid_type@9", "malformed_json@10");
    assertThat(rows.get(1).rejected()).isEqualTo(new RejectedRow(2, "malformed_json", null,
        "the line is not valid JSON (at column 15)"));
    assertThat(rows).allSatisfy(r -> {
      if (r.rejected() != null) assertThat(r.rejected().message()).doesNotContain("ada", "trailing", "text");
    });
  }

  @Test
  @Timeout(30)
  void theFileIsReadAsAStreamNoFurtherThanTheRowsTakenNeed() {
    CsvRowsTest.EndlessRows file = new CsvRowsTest.EndlessRows("", i -> "{\"source_id\":\"c" + i + "\"}\r\n\n");
    Iterator<ImportRow> rows = new NdjsonRows(() -> file).rows();  // opened once: no header to check

    for (int i = 0; i < 1000; i++) assertThat(rows.next().line()).isEqualTo(1 + 2L * i);
    assertThat(file.served).as("characters read for the first 1,000 rows of an endless file").isLessThan(100_000);
  }
}
