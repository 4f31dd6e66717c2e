package herald.domain.delivery;

import herald.domain.brand.Brand;
import herald.domain.brand.BrandSettings;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.MessageContext;
import herald.domain.channels.Outgoing;
import herald.domain.channels.Refusal;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.TemplateVariables;
import herald.domain.templates.TemplateRefused;
import herald.domain.templates.TemplateScope;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides whether a claimed job may still go and renders it: the distribution still ACTIVE (a manual one still
 * SENDING) and still holding the
 * channel, a channel Herald delivers, a known customer, what the channel's kind checks (an address, consent, the
 * suppression list, the brand details), then what the action provides ({@link ActionScope}: a publish_code's code
 * is held only for a recipient the channel may reach). A template that cannot render (past the size limit: {@code
 * template_too_large}) or a message its kind cannot make (a permanent {@link DeliveryFailure}) fails for good.
 */
public final class PrepareMessage {
  private final Distributions distributions;
  private final Customers customers;
  private final BrandSettings brandSettings;
  private final UnsubscribeLinks links;
  private final ChannelKinds kinds;
  private final ActionScope actions;
  /** For one batch only: the distributions read so far, and the brand once read (null: read every time). */
  private final Map<String, Optional<Distribution>> seen;
  private final Map<String, Optional<Customer>> customersSeen = new HashMap<>();
  private final Map<String, ChannelKind> kindsSeen = new HashMap<>();
  private Optional<Brand> brand;

  @Inject
  public PrepareMessage(Distributions distributions, Customers customers, BrandSettings brandSettings,
      UnsubscribeLinks links, ChannelKinds kinds, ActionScope actions) {
    this(distributions, customers, brandSettings, links, kinds, actions, null);
  }

  private PrepareMessage(Distributions distributions, Customers customers, BrandSettings brandSettings,
      UnsubscribeLinks links, ChannelKinds kinds, ActionScope actions, Map<String, Optional<Distribution>> seen) {
    this.distributions = distributions;
    this.customers = customers;
    this.brandSettings = brandSettings;
    this.links = links;
    this.kinds = kinds;
    this.actions = actions;
    this.seen = seen;
  }

  /**
   * This preparation for one batch of jobs (one thread): what the batch's messages share, each distribution and the
   * brand, is read once, by the first message that needs it; a distribution paused or edited meanwhile takes effect
   * from the next batch (a batch is at most 10 jobs, a few hundred milliseconds). The batch's customers are read
   * together when it starts ({@link #prefetch}).
   */
  public PrepareMessage forBatch() {
    return new PrepareMessage(distributions, customers, brandSettings, links, kinds, actions, new HashMap<>());
  }

  /**
   * In a batch, reads these jobs' customers together ({@link Customers#getAll}), so each message finds its own read
   * already, then gives each channel kind the customers of its jobs ({@link ChannelKind#forBatch}: the email kind
   * reads their suppressions at once); a failed read is left to each message's own.
   */
  public void prefetch(List<SendJob> jobs) {
    if (seen == null || jobs.isEmpty()) return;
    Map<String, Customer> found;
    try {
      List<String> customerIds = jobs.stream().map(SendJob::customerId).distinct().toList();
      found = customers.getAll(customerIds);
      customerIds.forEach(id -> customersSeen.put(id, Optional.ofNullable(found.get(id))));
    } catch (RuntimeException readEachAlone) {
      customersSeen.clear();
      return;
    }
    jobs.stream().collect(Collectors.groupingBy(SendJob::channel)).forEach((type, ofType) -> {
      try {
        kinds.find(type).ifPresent(kind -> kindsSeen.put(type, kind.forBatch(ofType.stream()
            .map(job -> found.get(job.customerId())).filter(Objects::nonNull).distinct().toList())));
      } catch (RuntimeException askEachAlone) {
        kindsSeen.remove(type);
      }
    });
  }

  private ChannelKind kind(String type) {
    ChannelKind forBatch = kindsSeen.get(type);
    return forBatch != null ? forBatch : kinds.get(type);
  }

  private Optional<Customer> customer(String id) {
    if (seen == null) return customers.get(id);
    Optional<Customer> prefetched = customersSeen.remove(id);   // once: a retried job in the batch reads again
    return prefetched != null ? prefetched : customers.get(id);
  }

  private Optional<Distribution> distribution(String id) {
    return seen == null ? distributions.get(id) : seen.computeIfAbsent(id, distributions::get);
  }

  private Optional<Brand> brand() {
    if (seen == null) return brandSettings.brand();
    if (brand == null) brand = brandSettings.brand();
    return brand;
  }

  /**
   * What to send and the kind that sends it, or the outcome that ends the message without sending; with the
   * distribution (null when gone), the customer and what the action provided (a publish_code's held code).
   */
  public record Prepared(Outgoing message, ChannelKind kind, MessageStatus outcome, String reason,
      Distribution distribution, Customer customer, ActionScope.Provided provided) {
    static Prepared skip(String reason, Distribution distribution) {
      return new Prepared(null, null, MessageStatus.SKIPPED, reason, distribution, null, null);
    }

    static Prepared fail(String reason, Distribution distribution) {
      return new Prepared(null, null, MessageStatus.FAILED, reason, distribution, null, null);
    }
  }

  public Prepared prepare(SendJob job) {
    Distribution distribution = distribution(job.distributionId()).orElse(null);
    Channel channel = distribution == null ? null : distribution.channels().stream()
        .filter(c -> c.type().equals(job.channel())).findFirst().orElse(null);
    if (distribution == null || distribution.status() != sendingStatus(distribution) || channel == null) {
      return Prepared.skip(SkipReason.DISTRIBUTION_STOPPED.code(), distribution);
    }
    ChannelKind kind = kind(channel.type());
    Customer customer = customer(job.customerId()).orElse(null);
    if (customer == null) return Prepared.skip(Refusal.NO_ADDRESS.code(), distribution);
    Brand brand = brand().orElse(null);
    Optional<Refusal> refused = kind.refusal(customer, brand);
    if (refused.isPresent()) return Prepared.skip(refused.get().code(), distribution);
    ActionScope.Provided provided = actions.provide(distribution, job, customer);
    if (provided.outcome() != null) {
      return new Prepared(null, null, provided.outcome(), provided.reason(), distribution, customer, provided);
    }
    try {
      Outgoing message = kind.render(channel, context(job, distribution, customer, brand, kind, provided.values()));
      return new Prepared(message, kind, null, null, distribution, customer, provided);
    } catch (TemplateRefused cannotRender) {                 // too large, or saved before today's checks
      return new Prepared(null, null, MessageStatus.FAILED, cannotRender.code(), distribution, customer, provided);
    } catch (DeliveryFailure failure) {
      if (!failure.permanent()) throw failure;
      return new Prepared(null, null, MessageStatus.FAILED, failure.reason(), distribution, customer, provided);
    }
  }

  /** The job's channel as its distribution holds it now; empty when the distribution or the channel is gone. */
  public Optional<Channel> channel(SendJob job) {
    return distribution(job.distributionId()).flatMap(d -> d.channels().stream()
        .filter(c -> c.type().equals(job.channel())).findFirst());
  }

  /** An automatic distribution sends while ACTIVE, a manual one while SENDING (not once STOPPED). */
  private static DistributionStatus sendingStatus(Distribution distribution) {
    return distribution.manual() ? DistributionStatus.SENDING : DistributionStatus.ACTIVE;
  }

  private MessageContext context(SendJob job, Distribution distribution, Customer customer, Brand brand,
      ChannelKind kind, Map<String, Object> provided) {
    ActionType action = distribution.action().type();
    String unsubscribe = kind.carriesUnsubscribeLink() ? links.urlFor(customer.id()) : null;
    Map<String, Object> scope = TemplateScope.of(customer, brand, job.event().manual() ? null : job.event(), provided,
        unsubscribe);
    return new MessageContext(job.messageId(), distribution.id(), distribution.name(), action.key(), job.event(), customer, brand, scope,
        TemplateVariables.envelopeData(action, scope), unsubscribe, job.event().createdAt());
  }
}
