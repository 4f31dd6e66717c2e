package herald.domain.delivery;

import herald.domain.jobs.Job;
import herald.domain.jobs.JobWork;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The jobs function's recounts: one distribution, or the sweep ({@link ReconcileJob}). A manual send left SENDING
 * because a count was lost (a process died between a message's status and its count) is checked again once
 * recounted ({@link SendCompletion}), so it becomes DONE.
 */
public final class ReconcileWork implements JobWork {
  private final ReconcileStats reconcile;
  private final SendCompletion completion;

  @Inject
  public ReconcileWork(ReconcileStats reconcile, SendCompletion completion) {
    this.reconcile = reconcile;
    this.completion = completion;
  }

  @Override
  public Class<? extends Job> kind() {
    return ReconcileJob.class;
  }

  @Override
  public Map<String, String> run(Job job, BooleanSupplier timeLeft) {
    String id = ((ReconcileJob) job).distributionId();
    if (id == null) return reconcile.sweep(timeLeft, completion::check);
    boolean recounted = reconcile.reconcile(id, timeLeft).isPresent();
    if (recounted) completion.check(id);
    return Map.of("distribution_id", id, "recounted", String.valueOf(recounted));
  }
}
