package herald.domain.intake;

import herald.domain.jobs.Job;
import java.util.List;

/** One part of an import: up to {@link StartImport#PART_ROWS} rows, imported by one job. */
public record ImportJob(String actionId, int part, List<ImportRow> rows) implements Job {
  public ImportJob {
    if (actionId == null || part < 0) throw new IllegalArgumentException("actionId and part are required");
    rows = List.copyOf(rows);
    if (rows.isEmpty()) throw new IllegalArgumentException("a part has at least one row");
  }
}
