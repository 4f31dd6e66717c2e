package herald.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.intake.ImportRow;
import herald.domain.jobs.RejectedRow;
import herald.platform.Json;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        + "{\"source_id\":\"c5\"} trailing\n{\"source_id\":\"c6\"}\n");

    assertThat(rows).extracting(r -> r.rejected() == null ? "ok@" + r.line() : r.rejected().code() + "@" + r.line())
        .containsExactly("ok@1", "malformed_json@2", "invalid_type@3", "invalid_type@4", "malformed_json@5", "ok@6");
    assertThat(rows.get(1).rejected()).isEqualTo(new RejectedRow(2, "malformed_json", null,
        "the line is not valid JSON (at column 15)"));
    assertThat(rows).allSatisfy(r -> {
      if (r.rejected() != null) assertThat(r.rejected().message()).doesNotContain("ada", "trailing", "text");
    });
  }
}
