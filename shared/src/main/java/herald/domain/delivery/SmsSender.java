package herald.domain.delivery;

/** Port: the SMS provider. Returns the provider's message id; throws {@link DeliveryFailure}. */
public interface SmsSender {
  String send(Sms sms);
}
