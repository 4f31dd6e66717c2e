package herald.domain.intake;

import herald.domain.common.Invalid;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.Job;
import herald.domain.jobs.JobWork;
import herald.domain.jobs.Jobs;
import herald.domain.jobs.Progress;
import herald.domain.jobs.RejectedRow;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Imports one part of an import, {@link #CHUNK} rows at a time: upserts each row's customer (a good row is kept
 * whatever the others do) and records each chunk's counts and rejected rows once, under an id made of the part
 * and the chunk's first line. When the time runs short it puts the rest of the part back on the jobs queue; the
 * chunks always start at the same rows, so a part delivered again, or continued twice, counts every row once.
 * A row that changes nothing writes nothing. The customers a chunk saved are announced together once it is
 * written ({@link CustomerChanges}, ten to a queue call): their segments follow in the segments function.
 */
public final class ImportCustomers implements JobWork {
  public static final String IMPORTED = "imported";
  public static final String UNCHANGED = "unchanged";
  public static final String REJECTED = "rejected";
  public static final int CHUNK = 250;

  /** Reads a row's customer (the JSON text of a customer object); throws {@link Invalid} when it is wrong. */
  public interface ProfileReader {
    CustomerProfile read(String customer);
  }

  private final UpsertCustomer upsert;
  private final ProfileReader reader;
  private final CustomerChanges changes;
  private final AsyncActions actions;
  private final Jobs jobs;

  @Inject
  public ImportCustomers(UpsertCustomer upsert, ProfileReader reader, CustomerChanges changes, AsyncActions actions,
      Jobs jobs) {
    this.upsert = upsert;
    this.reader = reader;
    this.changes = changes;
    this.actions = actions;
    this.jobs = jobs;
  }

  /** Imports chunks while {@code timeLeft} says there is time for another (always at least one). */
  public void handle(ImportJob job, BooleanSupplier timeLeft) {
    List<ImportRow> rows = job.rows();
    for (int from = 0; from < rows.size(); from += CHUNK) {
      if (from > 0 && !timeLeft.getAsBoolean()) {
        jobs.put(List.of(new ImportJob(job.actionId(), job.part(), rows.subList(from, rows.size()))));
        return;
      }
      int to = Math.min(rows.size(), from + CHUNK);
      Map<String, Long> counts = new HashMap<>(Map.of(IMPORTED, 0L, UNCHANGED, 0L));
      List<RejectedRow> rejected = new ArrayList<>();
      List<String> saved = new ArrayList<>();
      for (ImportRow row : rows.subList(from, to)) {
        RejectedRow refusal = importRow(row, counts, saved);
        if (refusal != null) rejected.add(refusal);
      }
      changes.announce(saved.stream().distinct().toList());
      counts.put(REJECTED, (long) rejected.size());
      String part = Integer.toString(job.part());
      actions.record(job.actionId(), new Progress(part + "@" + rows.get(from).line(),
          to == rows.size() ? part : null, counts, rejected));
    }
  }

  /** Saves the row's customer, counting it and adding its id to {@code saved} if it changed; or its refusal. */
  private RejectedRow importRow(ImportRow row, Map<String, Long> counts, List<String> saved) {
    if (row.rejected() != null) return row.rejected();
    try {
      UpsertCustomer.Upsert upserted = upsert.save(reader.read(row.customer()));
      boolean unchanged = upserted.outcome() == UpsertCustomer.Outcome.UNCHANGED;
      counts.merge(unchanged ? UNCHANGED : IMPORTED, 1L, Long::sum);
      if (!unchanged) saved.add(upserted.customer().id());
      return null;
    } catch (Invalid e) {
      return new RejectedRow(row.line(), e.code(), e.field(), e.getMessage());
    }
  }

  @Override
  public Class<ImportJob> kind() {
    return ImportJob.class;
  }

  @Override
  public Map<String, String> run(Job job, BooleanSupplier timeLeft) {
    handle((ImportJob) job, timeLeft);
    return Map.of();
  }
}
