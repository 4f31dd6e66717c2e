package herald.domain.delivery;

import herald.domain.jobs.Job;
import herald.domain.jobs.JobWork;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The jobs function's recounts: one distribution, or the sweep ({@link ReconcileJob}). */
public final class ReconcileWork implements JobWork {
  private final ReconcileStats reconcile;

  @Inject
  public ReconcileWork(ReconcileStats reconcile) {
    this.reconcile = reconcile;
  }

  @Override
  public Class<? extends Job> kind() {
    return ReconcileJob.class;
  }

  @Override
  public Map<String, String> run(Job job, BooleanSupplier timeLeft) {
    String id = ((ReconcileJob) job).distributionId();
    if (id == null) return reconcile.sweep(timeLeft);
    return Map.of("distribution_id", id, "recounted", String.valueOf(reconcile.reconcile(id, timeLeft).isPresent()));
  }
}
