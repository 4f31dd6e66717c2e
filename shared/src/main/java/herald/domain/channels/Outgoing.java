package herald.domain.channels;

import herald.domain.channels.email.Email;
import herald.domain.channels.sms.Sms;
import herald.domain.channels.webhook.WebhookCall;

/** A rendered message for one channel's provider. */
public interface Outgoing {
  String messageId();
}
