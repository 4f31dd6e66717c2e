package herald.domain.delivery;

import herald.domain.limits.UsageCounters;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * A send job that kept failing reached the dead-letter queue: its message ends FAILED, with the last
 * error it met (or {@value #REASON} when none was recorded), and gives back its unit of the plan's limits, unless
 * its provider may have taken it (the call was under way when the delivery stopped); a manual send's may be its last
 * ({@link SendCompletion}).
 */
public final class RecordDeadLetter {
  static final String REASON = "retries_exhausted";
  private final Messages messages;
  private final StatusCounters stats;
  private final UsageCounters usage;
  private final Clock clock;
  private final SendCompletion completion;

  @Inject
  public RecordDeadLetter(Messages messages, StatusCounters stats, UsageCounters usage, Clock clock,
      SendCompletion completion) {
    this.messages = messages;
    this.stats = stats;
    this.usage = usage;
    this.clock = clock;
    this.completion = completion;
  }

  /** For event-triggered sends only: no manual send is told it finished. */
  public RecordDeadLetter(Messages messages, StatusCounters stats, UsageCounters usage, Clock clock) {
    this(messages, stats, usage, clock, SendCompletion.NONE);
  }

  /** True when the message was recorded FAILED; false when it already had a terminal status. */
  public boolean record(SendJob job) {
    Message message = Message.sending(job, clock.instant());
    Claim failed = messages.failUnlessFinished(message, REASON);
    if (!failed.claimed()) return false;
    stats.moved(job.distributionId(), job.channel(), failed.previous(), MessageStatus.FAILED);
    if (!failed.called()) usage.giveBack(job.messageId());
    if (job.event().manual()) completion.check(job.distributionId());
    return true;
  }
}
