package herald.adapters.json;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads CSV (RFC 4180) record by record from a stream: commas, double quotes around fields, {@code ""} for a
 * quote within one, line breaks (CRLF, LF or CR) inside quoted fields; a leading byte order mark is skipped
 * and blank lines are passed over. Each record has the physical line it starts on. A record broken beyond
 * reading (a stray quote, text after a closing quote, a quote never closed, more than {@link #MAX_CHARS}
 * characters) comes back with {@code error} set; reading goes on at the next line.
 */
final class CsvRecords implements Iterator<CsvRecords.Record> {
  static final int MAX_CHARS = 100_000;
  private static final int EOF = -1;

  /** A record's fields, or why it could not be read ({@code error}, then fields are empty). */
  record Record(long line, List<String> fields, String code, String error) {}

  private final Reader in;
  private final char[] buffer = new char[16384];
  private int pos;
  private int end;
  private long line = 1;
  private Record next;
  private boolean started;

  CsvRecords(Reader in) {
    this.in = in;
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
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') take();
    }
    while (peek() == '\n' || peek() == '\r') lineBreak(take());
    if (peek() == EOF) return null;
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int size = 0;
    while (true) {
      int c = take();
      if (c == '"' && field.isEmpty()) {
        String broken = quoted(field);
        if (broken != null) return broken(start, "malformed_row", broken);
        c = take();
      }
      if (c == ',' || c == '\n' || c == '\r' || c == EOF) {
        size += field.length();
        if (size > MAX_CHARS) {
          if (c == ',') skipLine();
          else lineBreak(c);
          return broken(start, "row_too_large", "the row is longer than " + MAX_CHARS + " characters");
        }
        fields.add(field.toString());
        field.setLength(0);
        if (c == ',') continue;
        lineBreak(c);
        return new Record(start, fields, null, null);
      }
      if (c == '"') {
        skipLine();
        return broken(start, "malformed_row", "a double quote inside a field that is not quoted");
      }
      field.append((char) c);
      if (size + field.length() > MAX_CHARS) {
        skipLine();
        return broken(start, "row_too_large", "the row is longer than " + MAX_CHARS + " characters");
      }
    }
  }

  /**
   * Reads a quoted field's text after its opening quote, up to and including the closing quote; null when
   * what follows it is a separator or the end, else why the row is broken (the rest of the line is skipped).
   */
  private String quoted(StringBuilder field) {
    while (true) {
      int c = take();
      if (c == EOF) return "a quoted field is not closed before the end of the file";
      if (c == '"') {
        int after = peek();
        if (after == '"') {
          take();
          field.append('"');
          continue;
        }
        if (after == ',' || after == '\n' || after == '\r' || after == EOF) return null;
        skipLine();
        return "text follows the closing quote of a field";
      }
      if (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') {
          take();
          field.append('\r');
          c = '\n';
        }
        line++;
      }
      if (field.length() < MAX_CHARS + 1) field.append((char) c);
    }
  }

  private Record broken(long start, String code, String error) {
    return new Record(start, List.of(), code, error);
  }

  /** Counts a line break just taken ({@code c}), with the LF of a CRLF; nothing for the end of the file. */
  private void lineBreak(int c) {
    if (c == '\r' && peek() == '\n') take();
    if (c == '\n' || c == '\r') line++;
  }

  private void skipLine() {
    int c;
    do {
      c = take();
    } while (c != '\n' && c != '\r' && c != EOF);
    lineBreak(c);
  }

  private int peek() {
    if (pos == end && !fill()) return EOF;
    return buffer[pos];
  }

  private int take() {
    if (pos == end && !fill()) return EOF;
    return buffer[pos++];
  }

  private boolean fill() {
    try {
      int n = in.read(buffer, 0, buffer.length);
      if (n <= 0) return false;
      pos = 0;
      end = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
