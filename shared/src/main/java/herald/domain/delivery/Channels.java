package herald.domain.delivery;

import jakarta.inject.Inject;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.Outgoing;
import herald.domain.channels.email.Email;
import herald.domain.channels.email.EmailSender;
import herald.domain.channels.sms.Sms;
import herald.domain.channels.sms.SmsSender;
import herald.domain.channels.webhook.WebhookCall;
import herald.domain.channels.webhook.WebhookSender;

import herald.domain.channels.ChannelType;

/** The providers, one per channel Herald delivers itself. */
public final class Channels {
  private final EmailSender email;
  private final SmsSender sms;
  private final WebhookSender webhook;

  @Inject
  public Channels(EmailSender email, SmsSender sms, WebhookSender webhook) {
    this.email = email;
    this.sms = sms;
    this.webhook = webhook;
  }

  /** Sends through the message's provider and returns its id; throws {@link DeliveryFailure}. */
  public String send(Outgoing message) {
    return switch (message) {
      case Email e -> email.send(e);
      case Sms s -> sms.send(s);
      case WebhookCall w -> webhook.send(w);
      default -> throw new IllegalStateException("no provider for " + message.getClass().getSimpleName());
    };
  }

  /** Whether sending twice is harmless: webhooks carry the message id as Idempotency-Key. */
  public boolean idempotent(ChannelType channel) {
    return channel == ChannelType.WEBHOOK;
  }

  /** Whether Herald delivers this channel itself (the marketing tools come with their own issue). */
  public boolean delivers(ChannelType channel) {
    return channel == ChannelType.EMAIL || channel == ChannelType.SMS || channel == ChannelType.WEBHOOK;
  }
}
