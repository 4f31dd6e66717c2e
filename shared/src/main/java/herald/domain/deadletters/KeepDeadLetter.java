package herald.domain.deadletters;

import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.ManageDistributions;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * A message reached a dead-letter queue: it is recorded ({@link DeadLetters}), so nothing a DLQ holds goes unseen.
 * A manual send's start that dead-lettered would leave its send SCHEDULED or SENDING forever: the send, if it is
 * still that schedule's, is STOPPED (the sender skips what was queued of it, {@code distribution_stopped}) and its
 * activity says {@value #START_FAILED}.
 */
public final class KeepDeadLetter {
  static final String START_FAILED = "start_failed";
  private final DeadLetters deadLetters;
  private final Distributions distributions;
  private final Activity activity;
  private final Clock clock;

  @Inject
  public KeepDeadLetter(DeadLetters deadLetters, Distributions distributions, Activity activity, Clock clock) {
    this.deadLetters = deadLetters;
    this.distributions = distributions;
    this.activity = activity;
    this.clock = clock;
  }

  /** True when it was recorded now; false when it had been already (a DLQ delivered it twice). */
  public boolean keep(DeadLetter deadLetter) {
    boolean recorded = deadLetters.record(deadLetter);
    if (deadLetter.queue() == DeadLetterQueue.MANUAL && deadLetter.distributionId() != null) {
      stopManualSend(deadLetter.distributionId(), deadLetter.eventId());
    }
    return recorded;
  }

  /** SCHEDULED or SENDING under {@code scheduleId} becomes STOPPED; a lost race to an edit is tried again. */
  private void stopManualSend(String distributionId, String scheduleId) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Distribution current = distributions.get(distributionId).orElse(null);
      if (current == null || current.schedule() == null || !current.schedule().id().equals(scheduleId)) return;
      if (current.status() != DistributionStatus.SCHEDULED && current.status() != DistributionStatus.SENDING) return;
      Distribution stopped = current.moveTo(DistributionStatus.STOPPED, clock.instant());
      if (distributions.replace(stopped, current.version())) {
        activity.record(new ActivityEntry(ManageDistributions.subject(distributionId), stopped.updatedAt(), "herald",
            START_FAILED, stopped.version()));
        return;
      }
    }
    throw new IllegalStateException("the manual send kept changing while being stopped: try again");
  }
}
