package herald.domain.jobs;

/**
 * A row of an import that was not imported: its line in the file (the physical line where the row starts),
 * why ({@code code}, the {@code field} at fault or null for the whole row) and a message. Never the row's data.
 */
public record RejectedRow(long line, String code, String field, String message) {
  public RejectedRow {
    if (line < 1) throw new IllegalArgumentException("line must be 1 or more");
    if (code == null || code.isBlank()) throw new IllegalArgumentException("code is required");
    if (message == null) message = code;
  }
}
