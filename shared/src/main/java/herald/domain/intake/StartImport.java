package herald.domain.intake;

import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.Job;
import herald.domain.jobs.Jobs;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Starts importing a file (of customers, or of a campaign's codes): reads it once to count its rows (too many, or none, and nothing is
 * created), then creates the async action, reads it again cutting it into parts of at most
 * {@link #PART_ROWS} rows and about {@link #PART_BYTES} bytes, puts one job per part on the jobs queue (ten
 * at a time) and finally sets the number of parts. Never holds more than ten parts.
 */
public final class StartImport {
  public static final long MAX_ROWS = 1_000_000;
  public static final int PART_ROWS = 500;
  public static final int PART_BYTES = 200_000;
  /** A row's customer larger than this is rejected: a part must fit in one queue message (256 KiB). */
  public static final int ROW_BYTES = 100_000;
  public static final String ROWS_READ = "rows_read";
  private static final int JOBS_PER_PUT = 10;
  private final AsyncActions actions;
  private final Jobs jobs;
  private final Clock clock;
  private final long maxRows;

  public StartImport(AsyncActions actions, Jobs jobs, Clock clock, long maxRows) {
    this.actions = actions;
    this.jobs = jobs;
    this.clock = clock;
    this.maxRows = maxRows;
  }

  @Inject
  public StartImport(AsyncActions actions, Jobs jobs, Clock clock) {
    this(actions, jobs, clock, MAX_ROWS);
  }

  /** Makes the job of one part of an import (each kind of import has its own, and its own work). */
  public interface PartMaker {
    Job part(String actionId, int part, List<ImportRow> rows);
  }

  /** Starts importing a file of customers: the new action's id. */
  public String start(ImportFile file) {
    return start(file, AsyncActionType.CUSTOMERS_IMPORT, ImportJob::new);
  }

  /**
   * Starts an import of {@code type} whose parts {@code parts} makes: the new action's id. Throws {@link Invalid}
   * (empty_file, too_many_rows) before creating anything.
   */
  public String start(ImportFile file, AsyncActionType type, PartMaker parts) {
    return start(Ids.random(AsyncAction.PREFIX), file, type, parts);
  }

  /** As {@link #start(ImportFile, AsyncActionType, PartMaker)}, the new action's id being {@code id}. */
  public String start(String id, ImportFile file, AsyncActionType type, PartMaker parts) {
    long rows = file.count(maxRows);
    if (rows > maxRows) throw new Invalid("too_many_rows", "body", "an import takes at most " + maxRows + " rows");
    if (rows == 0) throw new Invalid("empty_file", "body", "the file has no rows to import");
    actions.create(AsyncAction.start(id, type, null, clock.instant()));
    int count = 0;
    List<Job> pending = new ArrayList<>();
    List<ImportRow> part = new ArrayList<>();
    int bytes = 0;
    for (Iterator<ImportRow> it = file.rows(); it.hasNext(); ) {
      ImportRow row = it.next();
      if (row.customer() != null && row.size() > ROW_BYTES) {
        row = ImportRow.unreadable(row.line(), "row_too_large", null, "the row is larger than " + ROW_BYTES + " bytes");
      }
      if (!part.isEmpty() && (part.size() == PART_ROWS || bytes + row.size() > PART_BYTES)) {
        pending.add(parts.part(id, count++, part));
        part = new ArrayList<>();
        bytes = 0;
        if (pending.size() == JOBS_PER_PUT) put(pending);
      }
      part.add(row);
      bytes += row.size();
    }
    if (!part.isEmpty()) pending.add(parts.part(id, count++, part));
    put(pending);
    actions.total(id, count, Map.of(ROWS_READ, rows));
    return id;
  }

  private void put(List<Job> pending) {
    if (pending.isEmpty()) return;
    jobs.put(List.copyOf(pending));
    pending.clear();
  }
}
