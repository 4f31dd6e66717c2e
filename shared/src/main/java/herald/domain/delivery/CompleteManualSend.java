package herald.domain.delivery;

import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.ManageDistributions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;

/**
 * A SENDING manual distribution becomes DONE when its whole audience was read ({@link SendProgress}) and as many of
 * its messages have a terminal status as send jobs were queued (the {@link StatusCounters}). Checked by whoever may
 * be last: the sender and the dead-letter function when a message ends, the fan-out when a part of the audience is
 * read to its end (an empty segment sends nothing). Two checks racing to the end both see it done; the version
 * condition lets one write it. The counters are moved in a second write after a message's status: a process dying
 * between the two leaves the send SENDING, with its messages all the same. Once DONE, its counts are recounted from
 * its messages ({@link ReconcileStats}) within {@link #RECOUNT_BUDGET}; a send too large for that is left to the
 * scheduled recount.
 */
public final class CompleteManualSend implements SendCompletion {
  private final Distributions distributions;
  private final SendProgress progress;
  private final StatusCounters stats;
  private final Activity activity;
  static final java.time.Duration RECOUNT_BUDGET = java.time.Duration.ofSeconds(10);
  private final Clock clock;
  private final ReconcileStats reconcile;

  @Inject
  public CompleteManualSend(Distributions distributions, SendProgress progress, StatusCounters stats,
      Activity activity, Clock clock, ReconcileStats reconcile) {
    this.reconcile = reconcile;
    this.distributions = distributions;
    this.progress = progress;
    this.stats = stats;
    this.activity = activity;
    this.clock = clock;
  }

  @Override
  public void check(String distributionId) {
    SendProgress.Progress now = progress.of(distributionId).orElse(null);
    if (now == null || !now.fannedOut() || finished(stats.of(distributionId)) < now.queued()) return;
    Distribution current = distributions.get(distributionId).orElse(null);
    if (current == null || current.status() != DistributionStatus.SENDING) return;
    Distribution done = current.moveTo(DistributionStatus.DONE, clock.instant());
    if (distributions.replace(done, current.version())) {
      activity.record(new ActivityEntry(ManageDistributions.subject(distributionId), done.updatedAt(), "herald",
          "done", done.version()));
      reconcile.reconcile(distributionId, reconcile.budget(RECOUNT_BUDGET));
    }
  }

  /** Messages with a terminal status, over every channel. */
  static long finished(Map<String, Map<MessageStatus, Long>> counts) {
    return counts.values().stream().flatMap(c -> c.entrySet().stream())
        .filter(e -> e.getKey().finished()).mapToLong(Map.Entry::getValue).sum();
  }
}
