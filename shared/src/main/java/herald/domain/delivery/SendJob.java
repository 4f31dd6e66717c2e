package herald.domain.delivery;

import herald.domain.common.Ids;
import herald.domain.common.Text;
import herald.domain.events.TriggerEvent;
import java.util.Objects;

/** One message to send, on one channel (its type, {@code email}): what the sender needs, carried on the send queue. */
public record SendJob(String distributionId, String channel, String customerId, TriggerEvent event) {
  public SendJob {
    Text.required(distributionId, "distribution_id");
    Text.required(channel, "channel");
    Text.required(customerId, "customer_id");
    Objects.requireNonNull(event, "event");
  }

  public String eventId() {
    return event.id();
  }

  /** Deterministic: the same distribution, event, customer and channel always give the same message. */
  public String messageId() {
    return Ids.derived("msg_", distributionId, event.id(), customerId, channel);
  }

  /**
   * The source_id of the publication a publish_code message holds: from the distribution, the event and the
   * customer, not the channel, so every channel of one recipient, and every retry, carries the same code.
   */
  public String publicationSourceId() {
    return Ids.derived("src_", distributionId, event.id(), customerId);
  }
}
