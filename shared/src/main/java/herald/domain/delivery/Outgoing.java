package herald.domain.delivery;

/** A rendered message for one channel's provider. */
public sealed interface Outgoing permits Email, Sms, WebhookCall {
  String messageId();
}
