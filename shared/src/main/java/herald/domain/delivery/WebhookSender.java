package herald.domain.delivery;

/** Port: delivers webhook calls. Returns the HTTP status as text; throws {@link DeliveryFailure}. */
public interface WebhookSender {
  String send(WebhookCall call);
}
