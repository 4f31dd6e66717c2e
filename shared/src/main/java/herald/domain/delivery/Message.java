package herald.domain.delivery;

import java.time.Instant;

/** One message: one distribution, one trigger event, one customer, one channel. */
public record Message(String id, String distributionId, String eventId, String customerId, String channel,
    MessageStatus status, String reason, String providerId, Instant createdAt, Instant updatedAt) {

  public static Message sending(SendJob job, Instant now) {
    return new Message(job.messageId(), job.distributionId(), job.eventId(), job.customerId(), job.channel(),
        MessageStatus.SENDING, null, null, now, now);
  }
}
