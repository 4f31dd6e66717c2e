package herald.domain.delivery;

import herald.domain.jobs.Job;

/**
 * A recount of one distribution's messages, or with no distribution the sweep of every distribution whose counts moved
 * since its last recount (the jobs function's schedule): {@link ReconcileStats}.
 */
public record ReconcileJob(String distributionId) implements Job {
  @Override
  public String actionId() {
    return null;
  }
}
