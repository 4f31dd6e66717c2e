package herald.adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.intake.ImportFile;
import herald.domain.intake.ImportRow;
import herald.platform.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * A file of customers as newline-delimited JSON: each line one customer object as POST /v1/customers takes it.
 * Blank lines are passed over; a line that is not a JSON object becomes a rejection with its line number (and
 * no part of its text, which may be personal).
 */
public final class NdjsonRows implements ImportFile {
  private final Supplier<Reader> file;

  /** {@code file} opens the file from its start, each time it is called. */
  public NdjsonRows(Supplier<Reader> file) {
    this.file = file;
  }

  @Override
  public Iterator<ImportRow> rows() {
    BufferedReader lines = new BufferedReader(file.get(), 16384);
    return new Iterator<>() {
      private long line;
      private ImportRow next;

      @Override public boolean hasNext() {
        if (next == null) next = read();
        return next != null;
      }

      @Override public ImportRow next() {
        if (!hasNext()) throw new NoSuchElementException();
        ImportRow row = next;
        next = null;
        return row;
      }

      private ImportRow read() {
        try {
          for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            text = withoutMark(++line, text);
            if (!text.isBlank()) return row(line, text);
          }
          return null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** Counts the lines that are not blank, without reading them as JSON. */
  @Override
  public long count(long max) {
    try (BufferedReader lines = new BufferedReader(file.get(), 16384)) {
      long n = 0;
      long line = 0;
      for (String text = lines.readLine(); text != null && n <= max; text = lines.readLine()) {
        if (!withoutMark(++line, text).isBlank()) n++;
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The line without the byte order mark a file may start with. */
  private static String withoutMark(long line, String text) {
    return line == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static ImportRow row(long line, String text) {
    if (text.length() > CsvRecords.MAX_CHARS) {
      return ImportRow.unreadable(line, "row_too_large", null, "the line is longer than " + CsvRecords.MAX_CHARS
          + " characters");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      return ImportRow.unreadable(line, "malformed_json", null, "the line is not valid JSON"
          + (column > 0 ? " (at column " + column + ")" : ""));
    }
    if (node == null || !node.isObject()) {
      return ImportRow.unreadable(line, "invalid_type", null, "the line must be a JSON object");
    }
    return ImportRow.of(line, node.toString());
  }
}
