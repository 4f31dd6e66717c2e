package herald.domain.intake;

import herald.domain.jobs.RejectedRow;

/**
 * One row of an import file: the physical line it starts on and either the customer it gives, as the JSON
 * text of a customer object (as POST /v1/customers takes it), or why it could not even be read.
 */
public record ImportRow(long line, String customer, RejectedRow rejected) {
  public ImportRow {
    if (line < 1) throw new IllegalArgumentException("line must be 1 or more");
    if ((customer == null) == (rejected == null)) {
      throw new IllegalArgumentException("a row is either a customer or a rejection");
    }
  }

  public static ImportRow of(long line, String customer) {
    return new ImportRow(line, customer, null);
  }

  public static ImportRow unreadable(long line, String code, String field, String message) {
    return new ImportRow(line, null, new RejectedRow(line, code, field, message));
  }

  /**
   * About how many bytes the row takes in a job: its text in UTF-8 (U+FFFE and U+FFFF, which SQS refuses, as the
   * six-character escapes they are queued as; an unpaired surrogate as U+FFFD) and a little more.
   */
  public int size() {
    return 40 + (customer != null ? utf8(customer) : utf8(rejected.message()) + 80);
  }

  private static int utf8(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= '\uFFFE' ? 6 : 3;
      }
    }
    return bytes;
  }
}
