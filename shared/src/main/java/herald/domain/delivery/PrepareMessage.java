package herald.domain.delivery;

import jakarta.inject.Inject;

import herald.domain.channels.Outgoing;

import herald.domain.brand.Brand;
import herald.domain.brand.BrandSettings;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.distributions.ActionType;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookChannel;
import java.util.Map;

/**
 * Decides whether a claimed job may still go and renders it: the distribution still active and still
 * holding the channel, an address for the channel, consent, not suppressed, the brand for email.
 */
public final class PrepareMessage {
  private final Distributions distributions;
  private final Customers customers;
  private final BrandSettings brandSettings;
  private final Recipients recipients;
  private final Channels channels;
  private final RenderMessage render;

  @Inject
  public PrepareMessage(Distributions distributions, Customers customers, BrandSettings brandSettings,
      Recipients recipients, Channels channels, RenderMessage render) {
    this.distributions = distributions;
    this.customers = customers;
    this.brandSettings = brandSettings;
    this.recipients = recipients;
    this.channels = channels;
    this.render = render;
  }

  /** What to send, or the outcome that ends the message without sending. */
  public record Prepared(Outgoing message, MessageStatus outcome, String reason) {
    static Prepared send(Outgoing message) {
      return new Prepared(message, null, null);
    }

    static Prepared skip(SkipReason reason) {
      return new Prepared(null, MessageStatus.SKIPPED, reason.code());
    }

    static Prepared fail(String reason) {
      return new Prepared(null, MessageStatus.FAILED, reason);
    }
  }

  public Prepared prepare(SendJob job) {
    Distribution distribution = distributions.get(job.distributionId()).orElse(null);
    Channel channel = distribution == null ? null : distribution.channels().stream()
        .filter(c -> c.type() == job.channel()).findFirst().orElse(null);
    if (distribution == null || distribution.status() != DistributionStatus.ACTIVE || channel == null) {
      return Prepared.skip(SkipReason.DISTRIBUTION_STOPPED);
    }
    if (!channels.delivers(job.channel())) return Prepared.fail("channel_not_supported");
    ActionType action = distribution.action().type();
    if (action == ActionType.PUBLISH_CODE || action == ActionType.NOTIFY_PROMOTION) {
      return Prepared.fail("action_not_supported");
    }
    Customer customer = customers.get(job.customerId()).orElse(null);
    SkipReason refused = recipients.refusal(customer, job.channel());
    if (refused != null) return Prepared.skip(refused);
    Brand brand = brandSettings.brand().orElse(null);
    if (job.channel() == ChannelType.EMAIL && brand == null) return Prepared.skip(SkipReason.MISSING_BRAND_DETAILS);
    String unsubscribe = job.channel() == ChannelType.EMAIL ? recipients.unsubscribeUrl(customer) : null;
    Map<String, Object> scope = render.scope(distribution, customer, brand, job, unsubscribe);
    String id = job.messageId();
    return Prepared.send(switch (channel) {
      case EmailChannel email -> render.email(email, brand, customer, scope, id, unsubscribe);
      case SmsChannel sms -> render.sms(sms, customer, scope, id);
      case WebhookChannel webhook -> render.webhook(webhook, distribution, scope, job, id);
      default -> throw new IllegalStateException("no renderer for " + channel.type());
    });
  }
}
