package herald.adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.intake.ImportFile;
import herald.domain.intake.ImportRow;
import herald.platform.Json;
import java.io.IOException;
import java.io.LineNumberReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A file of customers as newline-delimited JSON: each line one customer object as POST /v1/customers takes it.
 * The file is cut into lines first (a line ends at CRLF, LF or CR) and each line is read by Jackson on its own, so
 * a broken line never takes the next one with it. Blank lines are passed over; a line that is not a JSON object
 * becomes a rejection with its line number (and no part of its text, which may be personal).
 */
public final class NdjsonRows implements ImportFile {
  private final Supplier<Reader> file;

  /** {@code file} opens the file from its start, each time it is called. */
  public NdjsonRows(Supplier<Reader> file) {
    this.file = file;
  }

  @Override
  public Iterator<ImportRow> rows() {
    return lines().map(NdjsonRows::row).iterator();
  }

  /** Counts the lines that are not blank, without reading them as JSON. */
  @Override
  public long count(long max) {
    return lines().limit(max + 1).count();
  }

  /** A line of the file and its number, from 1. */
  private record Line(long number, String text) {
    static Line next(LineNumberReader lines) {
      try {
        String text = lines.readLine();
        if (text == null) return null;
        long number = lines.getLineNumber();
        return new Line(number, number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The lines that are not blank, read as they are needed. */
  private Stream<Line> lines() {
    LineNumberReader lines = new LineNumberReader(file.get(), 16384);
    return Stream.iterate(Line.next(lines), Objects::nonNull, previous -> Line.next(lines))
        .filter(line -> !line.text().isBlank());
  }

  private static ImportRow row(Line line) {
    if (line.text().length() > CsvRecords.MAX_CHARS) {
      return ImportRow.unreadable(line.number(), "row_too_large", null, "the line is longer than "
          + CsvRecords.MAX_CHARS + " characters");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line.text());
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      return ImportRow.unreadable(line.number(), "malformed_json", null, "the line is not valid JSON"
          + (column > 0 ? " (at column " + column + ")" : ""));
    }
    if (node == null || !node.isObject()) {
      return ImportRow.unreadable(line.number(), "invalid_type", null, "the line must be a JSON object");
    }
    return ImportRow.of(line.number(), node.toString());
  }
}
