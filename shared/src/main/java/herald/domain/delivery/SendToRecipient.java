package herald.domain.delivery;

import herald.domain.brand.Brand;
import herald.domain.brand.BrandSettings;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.ChannelType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.EmailChannel;
import java.time.Clock;
import java.util.Optional;

/**
 * Sends one job: claims its message, checks it may still go, renders and sends it, and records
 * the outcome. A transient failure gives the claim back and throws, so the queue redelivers.
 */
public final class SendToRecipient {
  private final Messages messages;
  private final Distributions distributions;
  private final Customers customers;
  private final BrandSettings brandSettings;
  private final EmailSender email;
  private final RenderEmail render;
  private final Clock clock;

  public SendToRecipient(Messages messages, Distributions distributions, Customers customers,
      BrandSettings brandSettings, EmailSender email, RenderEmail render, Clock clock) {
    this.messages = messages;
    this.distributions = distributions;
    this.customers = customers;
    this.brandSettings = brandSettings;
    this.email = email;
    this.render = render;
    this.clock = clock;
  }

  /** Returns the status recorded, or empty when another delivery of the job already claimed it. */
  public Optional<MessageStatus> handle(SendJob job) {
    String id = job.messageId();
    if (!messages.claim(Message.sending(job, clock.instant()))) return Optional.empty();
    Email rendered;
    try {
      Distribution distribution = distributions.get(job.distributionId()).orElse(null);
      Customer customer = customers.get(job.customerId()).orElse(null);
      Optional<Brand> brand = brandSettings.brand();
      Optional<SkipReason> skip = skipReason(distribution, job);
      if (skip.isEmpty()) {
        Optional<String> unsupported = unsupported(distribution, job);
        if (unsupported.isPresent()) {
          messages.finish(id, MessageStatus.FAILED, unsupported.get(), null);
          return Optional.of(MessageStatus.FAILED);
        }
        skip = skipReason(customer, brand);
      }
      if (skip.isPresent()) {
        messages.finish(id, MessageStatus.SKIPPED, skip.get().code(), null);
        return Optional.of(MessageStatus.SKIPPED);
      }
      rendered = render.render(emailChannel(distribution), distribution.action(), brand.get(), customer, job, id);
    } catch (RuntimeException beforeSending) {
      messages.release(id);
      throw beforeSending;
    }
    return Optional.of(deliver(id, rendered));
  }

  /** Stopped: the distribution is gone, not active, or no longer has the job's channel. */
  private static Optional<SkipReason> skipReason(Distribution distribution, SendJob job) {
    if (distribution == null || distribution.status() != DistributionStatus.ACTIVE
        || distribution.channels().stream().noneMatch(c -> c.type() == job.channel())) {
      return Optional.of(SkipReason.DISTRIBUTION_STOPPED);
    }
    return Optional.empty();
  }

  /** What this version cannot send yet, as a permanent failure reason: other channels than email, codes and promotions. */
  private static Optional<String> unsupported(Distribution distribution, SendJob job) {
    if (job.channel() != ChannelType.EMAIL) return Optional.of("channel_not_supported");
    ActionType action = distribution.action().type();
    if (action == ActionType.PUBLISH_CODE || action == ActionType.NOTIFY_PROMOTION) {
      return Optional.of("action_not_supported");
    }
    return Optional.empty();
  }

  private static Optional<SkipReason> skipReason(Customer customer, Optional<Brand> brand) {
    if (customer == null || customer.email() == null) return Optional.of(SkipReason.NO_ADDRESS);
    if (brand.isEmpty()) return Optional.of(SkipReason.MISSING_BRAND_DETAILS);
    return Optional.empty();
  }

  private static EmailChannel emailChannel(Distribution distribution) {
    return distribution.channels().stream()
        .filter(EmailChannel.class::isInstance).map(EmailChannel.class::cast).findFirst().orElseThrow();
  }

  /** Once the provider took the message, a failure to record SENT leaves it SENDING rather than send twice. */
  private MessageStatus deliver(String id, Email rendered) {
    String providerId;
    try {
      providerId = email.send(rendered);
    } catch (DeliveryFailure failure) {
      if (!failure.permanent()) {
        messages.release(id);
        throw failure;
      }
      messages.finish(id, MessageStatus.FAILED, failure.reason(), null);
      return MessageStatus.FAILED;
    } catch (RuntimeException unknown) {
      messages.release(id);
      throw unknown;
    }
    messages.finish(id, MessageStatus.SENT, null, providerId);
    return MessageStatus.SENT;
  }
}
