package herald.domain.delivery;

import java.time.Instant;

/**
 * One message: one distribution, one trigger event, one customer, one channel. {@code attempts}: how many times a
 * delivery claimed it (a retry is a new attempt); {@code openedAt}, {@code clickedAt}: the first open and click the
 * email provider reported (null when none); {@code job}: the send job it was made from, kept so that a FAILED message
 * can be retried (null for a message stored before it was kept).
 */
public record Message(String id, String distributionId, String eventId, String customerId, String channel,
    MessageStatus status, String reason, String providerId, Instant createdAt, Instant updatedAt, int attempts,
    Instant openedAt, Instant clickedAt, SendJob job) {

  public Message(String id, String distributionId, String eventId, String customerId, String channel,
      MessageStatus status, String reason, String providerId, Instant createdAt, Instant updatedAt) {
    this(id, distributionId, eventId, customerId, channel, status, reason, providerId, createdAt, updatedAt, 0, null,
        null, null);
  }

  public static Message sending(SendJob job, Instant now) {
    return new Message(job.messageId(), job.distributionId(), job.eventId(), job.customerId(), job.channel(),
        MessageStatus.SENDING, null, null, now, now, 0, null, null, job);
  }

  /** The same message in another status, with another reason, at {@code now}. */
  public Message with(MessageStatus status, String reason, Instant now) {
    return new Message(id, distributionId, eventId, customerId, channel, status, reason, providerId, createdAt, now,
        attempts, openedAt, clickedAt, job);
  }
}
