package herald.adapters.json;

import herald.domain.common.Invalid;
import herald.domain.intake.ImportRow;
import herald.platform.Json;
import java.util.List;

/**
 * A CSV file of codes: a header with a {@code code} column (and no other), then one code a row, read by {@link
 * CsvRows}; each row becomes {@code {"code"}}.
 */
public final class CodeCsv {
  public static final CsvRows.Columns COLUMNS = new CsvRows.Columns() {
    @Override public void check(List<String> columns) {
      for (String column : columns) {
        if (!column.equals("code")) {
          throw new Invalid("unknown_column", column.isEmpty() ? "header" : column, "unknown column " + column
              + " (a file of codes has one column, code)");
        }
      }
      if (columns.size() != 1) {
        throw new Invalid(columns.isEmpty() ? "missing_column" : "duplicate_column", "code",
            "the header must be the one column code");
      }
    }

    @Override public ImportRow row(long line, List<String> columns, List<String> fields) {
      return ImportRow.of(line, Json.object().put("code", fields.getFirst()).toString());
    }
  };

  private CodeCsv() {}

  /** The code of a row's object. */
  public static String code(String row) {
    return Json.parse(row).path("code").asText();
  }
}
