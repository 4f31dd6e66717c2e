package herald.domain.delivery;

import herald.domain.brand.Brand;
import herald.domain.brand.BrandSettings;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.MessageContext;
import herald.domain.channels.Outgoing;
import herald.domain.channels.Refusal;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.ActionValues;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.TemplateVariables;
import herald.domain.templates.TemplateRefused;
import herald.domain.templates.TemplateScope;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a claimed job may still go and renders it: the distribution still active and still holding the
 * channel, a channel Herald delivers, an action it carries out, a known customer, then what the channel's kind
 * checks (an address, consent, the suppression list, the brand details). A template that cannot render (past the
 * size limit: {@code template_too_large}) fails the message for good.
 */
public final class PrepareMessage {
  private final Distributions distributions;
  private final Customers customers;
  private final BrandSettings brandSettings;
  private final UnsubscribeLinks links;
  private final ChannelKinds kinds;

  @Inject
  public PrepareMessage(Distributions distributions, Customers customers, BrandSettings brandSettings,
      UnsubscribeLinks links, ChannelKinds kinds) {
    this.distributions = distributions;
    this.customers = customers;
    this.brandSettings = brandSettings;
    this.links = links;
    this.kinds = kinds;
  }

  /** What to send and the kind that sends it, or the outcome that ends the message without sending. */
  public record Prepared(Outgoing message, ChannelKind kind, MessageStatus outcome, String reason) {
    static Prepared send(Outgoing message, ChannelKind kind) {
      return new Prepared(message, kind, null, null);
    }

    static Prepared skip(String reason) {
      return new Prepared(null, null, MessageStatus.SKIPPED, reason);
    }

    static Prepared fail(String reason) {
      return new Prepared(null, null, MessageStatus.FAILED, reason);
    }
  }

  public Prepared prepare(SendJob job) {
    Distribution distribution = distributions.get(job.distributionId()).orElse(null);
    Channel channel = distribution == null ? null : distribution.channels().stream()
        .filter(c -> c.type().equals(job.channel())).findFirst().orElse(null);
    if (distribution == null || distribution.status() != DistributionStatus.ACTIVE || channel == null) {
      return Prepared.skip(SkipReason.DISTRIBUTION_STOPPED.code());
    }
    ChannelKind kind = kinds.get(channel.type());
    if (!kind.delivered()) return Prepared.fail("channel_not_supported");
    ActionType action = distribution.action().type();
    if (action == ActionType.PUBLISH_CODE || action == ActionType.NOTIFY_PROMOTION) {
      return Prepared.fail("action_not_supported");
    }
    Customer customer = customers.get(job.customerId()).orElse(null);
    if (customer == null) return Prepared.skip(Refusal.NO_ADDRESS.code());
    Brand brand = brandSettings.brand().orElse(null);
    Optional<Refusal> refused = kind.refusal(customer, brand);
    if (refused.isPresent()) return Prepared.skip(refused.get().code());
    try {
      return Prepared.send(kind.render(channel, context(job, distribution, customer, brand, kind)), kind);
    } catch (TemplateRefused cannotRender) {
      return Prepared.fail(cannotRender.code());             // too large, or saved before today's checks
    }
  }

  private MessageContext context(SendJob job, Distribution distribution, Customer customer, Brand brand,
      ChannelKind kind) {
    ActionType action = distribution.action().type();
    String unsubscribe = kind.carriesUnsubscribeLink() ? links.urlFor(customer.id()) : null;
    Map<String, Object> scope = TemplateScope.of(customer, brand, job.event(),
        ActionValues.fromEvent(action, job.event()), unsubscribe);
    return new MessageContext(job.messageId(), distribution.id(), action.key(), job.event(), customer, brand, scope,
        TemplateVariables.envelopeData(action, scope), unsubscribe, job.event().createdAt());
  }
}
