package herald.domain.delivery;

import herald.domain.distributions.ChannelType;

/** The providers, one per channel Herald delivers itself. */
public final class Channels {
  private final EmailSender email;
  private final SmsSender sms;
  private final WebhookSender webhook;

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
