package herald.domain.intake;

import java.util.Iterator;

/** A file of customers to import, read row by row; each call of {@link #rows()} reads it from its start. */
public interface ImportFile {
  Iterator<ImportRow> rows();

  /** How many rows {@link #rows()} gives, counting no further than {@code max + 1}. */
  default long count(long max) {
    long n = 0;
    for (Iterator<ImportRow> rows = rows(); rows.hasNext() && n <= max; n++) rows.next();
    return n;
  }
}
