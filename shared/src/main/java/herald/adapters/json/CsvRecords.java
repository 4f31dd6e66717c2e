package herald.adapters.json;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads CSV (RFC 4180) record by record from a stream, with Jackson's CSV parser: commas, double quotes around
 * fields, {@code ""} for a quote within one, line breaks (CRLF, LF or CR) inside quoted fields. Where RFC 4180 is
 * strict the reader is not, as spreadsheets are not: a double quote inside a field that is not quoted is part of its
 * text, and blanks between a closing quote and the next comma are passed over. A leading byte order mark is skipped
 * and blank lines are passed over. Each record has the physical line it starts on. A record broken beyond reading
 * (text after a closing quote, a quote never closed, more than {@link #MAX_CHARS} characters) comes back with
 * {@code error} set; the rest of it, to the end of the line where it ends, is passed over and reading goes on.
 */
final class CsvRecords implements Iterator<CsvRecords.Record> {
  static final int MAX_CHARS = 100_000;
  /** Empty cells that are not quoted come as nulls, so that a blank line is one null; no limit on a field's size. */
  private static final CsvFactory CSV = CsvFactory.builder()
      .enable(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL)
      .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
      .build();

  /** A record's fields, or why it could not be read ({@code error}, then fields are empty). */
  record Record(long line, List<String> fields, String code, String error) {}

  private final CsvParser parser;
  private Record next;
  private boolean stuck;

  CsvRecords(Reader in) {
    try {
      parser = (CsvParser) CSV.createParser(withoutMark(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) next = read();
    return next != null;
  }

  @Override
  public Record next() {
    if (!hasNext()) throw new NoSuchElementException();
    Record record = next;
    next = null;
    return record;
  }

  private Record read() {
    try {
      while (!stuck && parser.nextToken() == JsonToken.START_ARRAY) {
        Record record = record();
        if (record != null) return record;
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record whose start the parser is on, or null for a blank line (one empty cell, not quoted). */
  private Record record() throws IOException {
    List<String> fields = new ArrayList<>();
    long line = 0;
    int size = 0;
    boolean blank = false;
    try {
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null;
          token = parser.nextToken()) {
        if (line == 0) line = parser.currentTokenLocation().getLineNr();
        blank = fields.isEmpty() && token == JsonToken.VALUE_NULL;
        String field = token == JsonToken.VALUE_NULL ? "" : parser.getText();
        size += field.length();
        if (size <= MAX_CHARS) fields.add(field);
      }
    } catch (StreamReadException e) {
      if (line == 0) line = parser.currentTokenLocation().getLineNr();
      skipRest();
      return new Record(line, List.of(), "malformed_row", why(e));
    }
    if (size > MAX_CHARS) {
      return new Record(line, List.of(), "row_too_large", "the row is longer than " + MAX_CHARS + " characters");
    }
    return blank ? null : new Record(line, fields, null, null);
  }

  /**
   * Skips what is left of a broken record: the rest of the line it broke on (each error the parser reports is past
   * the character at fault; should one ever not be, reading ends there rather than looping).
   */
  private void skipRest() throws IOException {
    long at = -1;
    while (true) {
      try {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY || token == null) return;
      } catch (StreamReadException again) {
        long now = parser.currentLocation().getCharOffset();
        stuck = now == at;
        if (stuck) return;
        at = now;
      }
    }
  }

  /** Why a record could not be read, in words that hold none of its text. */
  private static String why(StreamReadException e) {
    String problem = e.getOriginalMessage();
    if (problem.startsWith("Missing closing quote")) return "a quoted field is not closed before the end of the file";
    if (problem.contains("Expected column separator")) return "text follows the closing quote of a field";
    return "the row is not CSV as RFC 4180 writes it";
  }

  /** The text without the byte order mark it may start with. */
  private static Reader withoutMark(Reader in) throws IOException {
    PushbackReader reader = new PushbackReader(in);
    int first = reader.read();
    if (first >= 0 && first != '\uFEFF') reader.unread(first);
    return reader;
  }
}
