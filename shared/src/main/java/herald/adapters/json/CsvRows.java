package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Invalid;
import herald.domain.intake.ImportFile;
import herald.domain.intake.ImportRow;
import herald.platform.Json;
import java.io.Reader;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A CSV file of customers: a header row naming the columns (source_id, name, email, phone, timezone,
 * consents.email, consents.sms as true/false, and metadata.&lt;key&gt;, where dots in the key make nested
 * objects), then one customer a row; an empty cell is a field not given. Each row becomes the customer object
 * POST /v1/customers takes. The header is checked when the file is opened ({@link Invalid}: nothing is read on);
 * a row that cannot be read becomes a rejection with its line.
 */
public final class CsvRows implements ImportFile {
  /** What the columns of one kind of file are: the header's check, and a row's object (as JSON text). */
  public interface Columns {
    /** Throws {@link Invalid} for a header this kind of file cannot have. */
    void check(List<String> columns);

    /** The row's object, or its rejection; {@code fields} has as many cells as {@code columns}. */
    ImportRow row(long line, List<String> columns, List<String> fields);
  }

  /** The customers' columns (the default). */
  public static final Columns CUSTOMERS = new Columns() {
    @Override public void check(List<String> columns) {
      checkCustomers(columns);
    }

    @Override public ImportRow row(long line, List<String> columns, List<String> fields) {
      return customer(line, columns, fields);
    }
  };

  private static final Set<String> FIELDS = Set.of("source_id", "name", "email", "phone", "timezone");
  private static final Set<String> CONSENTS = Set.of("consents.email", "consents.sms");
  private final Supplier<Reader> file;
  private final List<String> columns;
  private final Columns kind;

  /** A file of customers; {@code file} opens the file from its start, each time it is called. */
  public CsvRows(Supplier<Reader> file) {
    this(file, CUSTOMERS);
  }

  /** A file whose columns are {@code kind}'s; {@code file} opens the file from its start, each time it is called. */
  public CsvRows(Supplier<Reader> file, Columns kind) {
    this.file = file;
    this.kind = kind;
    CsvRecords records = new CsvRecords(file.get());
    if (!records.hasNext()) throw new Invalid("empty_file", "body", "the file is empty: it needs a header row");
    CsvRecords.Record header = records.next();
    if (header.error() != null) {
      throw new Invalid("malformed_header", "body", "the header row cannot be read: " + header.error());
    }
    this.columns = header.fields().stream().map(String::strip).toList();
    kind.check(columns);
  }

  @Override
  public Iterator<ImportRow> rows() {
    CsvRecords records = new CsvRecords(file.get());
    records.next();
    return new Iterator<>() {
      @Override public boolean hasNext() {
        return records.hasNext();
      }

      @Override public ImportRow next() {
        return row(records.next());
      }
    };
  }

  /** Counts the records, without making customers of them. */
  @Override
  public long count(long max) {
    CsvRecords records = new CsvRecords(file.get());
    records.next();
    long n = 0;
    for (; records.hasNext() && n <= max; n++) records.next();
    return n;
  }

  private ImportRow row(CsvRecords.Record record) {
    if (record.error() != null) return ImportRow.unreadable(record.line(), record.code(), null, record.error());
    if (record.fields().size() != columns.size()) {
      return ImportRow.unreadable(record.line(), "wrong_column_count", null, "the row has " + record.fields().size()
          + " fields where the header has " + columns.size());
    }
    return kind.row(record.line(), columns, record.fields());
  }

  private static ImportRow customer(long line, List<String> columns, List<String> fields) {
    ObjectNode customer = Json.object();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      String cell = fields.get(i);
      if (cell.isEmpty()) continue;
      if (FIELDS.contains(column)) {
        customer.put(column, cell);
      } else if (CONSENTS.contains(column)) {
        String answer = cell.strip().toLowerCase(Locale.ROOT);
        if (!answer.equals("true") && !answer.equals("false")) {
          return ImportRow.unreadable(line, "invalid_value", column, column + " must be true or false");
        }
        object(customer, "consents").putObject(column.substring("consents.".length()))
            .put("granted", answer.equals("true"));
      } else {
        String[] path = column.substring("metadata.".length()).split("\\.");
        ObjectNode at = object(customer, "metadata");
        for (int p = 0; p < path.length - 1; p++) at = object(at, path[p]);
        at.put(path[path.length - 1], cell);
      }
    }
    return ImportRow.of(line, customer.toString());
  }

  private static ObjectNode object(ObjectNode parent, String name) {
    JsonNode child = parent.get(name);
    return child instanceof ObjectNode o ? o : parent.putObject(name);
  }

  private static void checkCustomers(List<String> columns) {
    Set<String> seen = new HashSet<>();
    for (String column : columns) {
      if (column.isEmpty()) throw new Invalid("invalid_column", "header", "a column of the header has no name");
      boolean metadata = column.startsWith("metadata.") && !column.endsWith(".") && !column.contains("..");
      if (!FIELDS.contains(column) && !CONSENTS.contains(column) && !metadata) {
        throw new Invalid("unknown_column", column, "unknown column " + column + " (columns are source_id, name, "
            + "email, phone, timezone, consents.email, consents.sms and metadata.<key>)");
      }
      if (!seen.add(column)) throw new Invalid("duplicate_column", column, "the column " + column + " is there twice");
    }
    for (String column : columns) {
      for (String other : columns) {
        if (other.startsWith(column + ".") && column.startsWith("metadata.")) {
          throw new Invalid("conflicting_columns", other, other + " is inside " + column + ", which is a value");
        }
      }
    }
    if (!seen.contains("source_id")) {
      throw new Invalid("missing_column", "source_id", "the header has no source_id column");
    }
  }
}
