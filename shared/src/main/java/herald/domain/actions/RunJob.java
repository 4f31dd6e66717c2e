package herald.domain.actions;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** Does one background job: a part of an import or of a segment evaluation, or a deleted segment's shard purge. */
public final class RunJob {
  private final ImportCustomers imports;
  private final EvaluateSegmentPart evaluations;
  private final PurgeSegmentShard purges;

  public RunJob(ImportCustomers imports, EvaluateSegmentPart evaluations, PurgeSegmentShard purges) {
    this.imports = imports;
    this.evaluations = evaluations;
    this.purges = purges;
  }

  /**
   * {@code timeLeft} says whether there is time for more work in this invocation. Gives what the job did, for
   * the log: empty for a part of an async action, which records its progress on the action.
   */
  public Map<String, String> run(Job job, BooleanSupplier timeLeft) {
    switch (job) {
      case ImportJob part -> imports.handle(part, timeLeft);
      case ScanJob part -> evaluations.handle(part, timeLeft);
      case PurgeJob shard -> {
        return purges.handle(shard, timeLeft).summary();
      }
    }
    return Map.of();
  }
}
