package herald.domain.channels.sms;

import herald.domain.channels.DeliveryFailure;

/** Port: the SMS provider. Returns the provider's message id; throws {@link DeliveryFailure}. */
public interface SmsSender {
  String send(Sms sms);
}
