package herald.domain.channels.webhook;

import herald.domain.channels.DeliveryFailure;

/** Port: delivers webhook calls. Returns the HTTP status as text; throws {@link DeliveryFailure}. */
public interface WebhookSender {
  String send(WebhookCall call);
}
