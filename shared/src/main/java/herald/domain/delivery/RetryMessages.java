package herald.domain.delivery;

import herald.domain.common.Conflict;
import herald.domain.common.NotFound;
import herald.domain.common.Page;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Re-queues FAILED messages as new attempts: the message goes back to QUEUED with a conditional write (of two retries
 * at once, one wins; the other is a 409), its counts move FAILED to QUEUED, and its send job goes on the send queue,
 * where the sender claims it as any other (a new attempt). A message that was sent (SENT or later), is being sent or
 * was skipped is never retried; nor is a FAILED {@code outcome_unknown} one (its provider may have taken it), nor one
 * stored before messages kept their send job.
 */
public final class RetryMessages {
  static final int PAGE = 100;
  private final Messages messages;
  private final StatusCounters stats;
  private final SendQueue queue;
  private final Clock clock;

  @Inject
  public RetryMessages(Messages messages, StatusCounters stats, SendQueue queue, Clock clock) {
    this.messages = messages;
    this.stats = stats;
    this.queue = queue;
    this.clock = clock;
  }

  /** The message, QUEUED again; NotFound for an unknown id, Conflict when it may not be retried (see the class). */
  public Message retry(String messageId) {
    Message m = messages.get(messageId).orElseThrow(() -> new NotFound("message", "id", messageId));
    refusal(m);
    Claim claim = messages.retry(m.id());
    if (!claim.claimed()) {
      throw new Conflict("not_retryable", "message " + m.id() + " is " + claim.previous()
          + " now: another retry took it, or it changed");
    }
    stats.moved(m.distributionId(), m.channel(), MessageStatus.FAILED, MessageStatus.QUEUED);
    try {
      queue.send(List.of(m.job()));
    } catch (RuntimeException notQueued) {
      messages.finish(m.id(), MessageStatus.FAILED, m.reason(), null);
      stats.moved(m.distributionId(), m.channel(), MessageStatus.QUEUED, MessageStatus.FAILED);
      throw notQueued;
    }
    return m.with(MessageStatus.QUEUED, null, clock.instant());
  }

  /** One page of a distribution's retry: how many FAILED messages it re-queued and skipped, and the next cursor. */
  public record Retried(int retried, int skipped, String next) {}

  /**
   * Retries the FAILED messages of one page of the distribution's messages (up to {@value #PAGE} read from
   * {@code cursor}); those that may not be retried, or that another retry took, are skipped.
   */
  public Retried retryFailed(String distributionId, String cursor) {
    Page<Message> page = messages.forDistribution(distributionId,
        new MessageFilter(MessageStatus.FAILED, null, null), cursor, PAGE);
    int retried = 0;
    int skipped = 0;
    for (Message m : page.items()) {
      try {
        retry(m.id());
        retried++;
      } catch (Conflict notNow) {
        skipped++;
      }
    }
    return new Retried(retried, skipped, page.next());
  }

  private static void refusal(Message m) {
    if (m.status() != MessageStatus.FAILED) {
      throw new Conflict("not_retryable", "message " + m.id() + " is " + m.status() + "; only a FAILED message is"
          + " retried (a sent message never is)");
    }
    if (SendToRecipient.OUTCOME_UNKNOWN.equals(m.reason())) {
      throw new Conflict("outcome_unknown", "message " + m.id() + " may have reached its provider; it is not retried");
    }
    if (m.job() == null) {
      throw new Conflict("retry_unavailable", "message " + m.id() + " was stored before messages kept what they send;"
          + " it cannot be retried");
    }
  }
}
