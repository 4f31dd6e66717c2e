package herald.domain.campaigns;

import herald.domain.campaigns.Codes.Taken;
import herald.domain.common.Conflict;
import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.events.EventBus;
import herald.domain.events.TriggerEvent;
import herald.domain.intake.UpsertCustomer;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes a code of a campaign to a customer. The publication's id is derived from the campaign and the
 * customer under join_once, else from the campaign and the caller's source_id, else random; so a repeated call
 * finds the publication it made. The publication is written pending, naming the code it is about to claim, before
 * the claim ("in the pool, or this publication's already"), so a crash between the two leaves nothing claimed that
 * no publication names, and a retry finishes the work: the code taken, the campaign's published count moved (once,
 * by the call that took the code from the pool), {@code customer.publication.succeeded} on the bus (its id derived
 * from the publication's, so a repeat is the same event), and the publication marked published.
 */
public final class PublishCode {
  public static final String EVENT = "customer.publication.succeeded";
  private static final int ATTEMPTS = 10;
  private final Campaigns campaigns;
  private final Codes codes;
  private final Publications publications;
  private final Customers customers;
  private final UpsertCustomer upsert;
  private final EventBus bus;
  private final Clock clock;

  @Inject
  public PublishCode(Campaigns campaigns, Codes codes, Publications publications, Customers customers,
      UpsertCustomer upsert, EventBus bus, Clock clock) {
    this.campaigns = campaigns;
    this.codes = codes;
    this.publications = publications;
    this.customers = customers;
    this.upsert = upsert;
    this.bus = bus;
    this.clock = clock;
  }

  /** A publication, and whether this call made it (false: an earlier call with the same key did). */
  public record Published(Publication publication, boolean isNew) {}

  /**
   * Refuses an unknown campaign ({@code unknown_campaign}), one not running ({@code campaign_not_started}, {@code
   * campaign_expired}), a PROMOTION (no codes) and an unknown customer id ({@code unknown_customer}) before
   * anything is written; an empty pool is a {@link Conflict} {@code code_pool_exhausted}.
   */
  public Published publish(PublicationRequest request) {
    Instant now = clock.instant();
    Campaign campaign = campaign(request.campaignId(), now);
    Customer customer = customer(request);
    String id = campaign.settings().joinOnce() ? Ids.derived(Publication.PREFIX, campaign.id(), "customer", customer.id())
        : request.sourceId() != null ? Ids.derived(Publication.PREFIX, campaign.id(), "source", request.sourceId())
        : Ids.random(Publication.PREFIX);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Publication> stored = publications.get(id);
      if (stored.isPresent() && !campaign.settings().joinOnce() && !stored.get().customerId().equals(customer.id())) {
        throw new Conflict("source_id_in_use", "source_id " + request.sourceId() + " published a code of this "
            + "campaign to another customer; use a new source_id");
      }
      if (stored.isPresent() && stored.get().published()) return new Published(stored.get(), false);
      if (stored.isPresent()) {
        Taken taken = codes.take(campaign.id(), stored.get().code(), id, customer.id(), now);
        if (taken != Taken.LOST) return finish(campaign, customer, stored.get(), taken == Taken.FRESH);
      }
      Publication draft = stored.orElseGet(() -> new Publication(id, campaign.id(), customer.id(), request.sourceId(),
          request.channel(), request.metadata(), "-", expiration(campaign, now), now, false));
      Publication[] named = {stored.orElse(null)};
      try {
        Claim claim = codes.claim(campaign.id(), id, customer.id(), now, code -> named[0] = name(draft, named[0], code));
        if (claim.exhausted()) {
          if (named[0] != null) publications.deletePending(id, named[0].code());
          throw new Conflict("code_pool_exhausted", "campaign " + campaign.id() + " has no code left to publish");
        }
        return finish(campaign, customer, named[0], claim.fresh());
      } catch (Moved e) {
        // another call with the same key changed the publication: read it again
      }
    }
    throw new IllegalStateException("publication " + id + " kept changing under " + ATTEMPTS + " attempts");
  }

  /** The publication naming {@code code}, written before the code is taken. */
  private Publication name(Publication draft, Publication current, String code) {
    if (current == null) {
      Publication pending = draft.withCode(code);
      if (!publications.createPending(pending)) throw new Moved();
      return pending;
    }
    Publication recoded = current.withCode(code);
    if (!publications.recode(recoded, current.code())) throw new Moved();
    return recoded;
  }

  private Published finish(Campaign campaign, Customer customer, Publication pending, boolean fresh) {
    if (fresh) campaigns.count(campaign.id(), 0, 1);
    Publication published = pending.asPublished();
    bus.put(event(campaign, customer, published));
    publications.markPublished(published.id());
    return new Published(published, true);
  }

  private Campaign campaign(String id, Instant now) {
    Optional<Campaign> campaign = Campaign.isId(id) ? campaigns.get(id) : Optional.empty();
    if (campaign.isEmpty()) {
      throw new Invalid("unknown_campaign", "campaign_id", "campaign " + abbreviated(id) + " does not exist");
    }
    CampaignSettings settings = campaign.get().settings();
    if (settings.type() == CampaignType.PROMOTION) {
      throw new Invalid("invalid_value", "campaign_id", "a PROMOTION campaign has tiers, not codes");
    }
    if (settings.expirationDate() != null && !now.isBefore(settings.expirationDate())) {
      throw new Invalid("campaign_expired", "campaign_id", "campaign " + id + " expired at " + settings.expirationDate());
    }
    if (!settings.runningAt(now)) {
      throw new Invalid("campaign_not_started", "campaign_id", "campaign " + id + " starts at " + settings.startDate());
    }
    return campaign.get();
  }

  private Customer customer(PublicationRequest request) {
    if (request.customer() != null) return upsert.upsert(request.customer());
    String id = request.customerId();
    Optional<Customer> customer = id.matches("cust_[0-9a-f]{32}") ? customers.get(id) : Optional.empty();
    return customer.orElseThrow(() -> new Invalid("unknown_customer", "customer_id",
        "customer " + abbreviated(id) + " does not exist"));
  }

  /** expiration_after_publish_days after now, else the campaign's own expiration (null: never). */
  private static Instant expiration(Campaign campaign, Instant now) {
    Integer days = campaign.settings().expirationAfterPublishDays();
    Instant after = days == null ? null : now.plus(Duration.ofDays(days));
    Instant end = campaign.settings().expirationDate();
    if (after == null) return end;
    return end == null || after.isBefore(end) ? after : end;
  }

  /** {@code customer.publication.succeeded}: campaign, voucher and publication in data. */
  static TriggerEvent event(Campaign campaign, Customer customer, Publication p) {
    Map<String, Object> campaignData = new LinkedHashMap<>();
    campaignData.put("id", campaign.id());
    campaignData.put("name", campaign.settings().name());
    campaignData.put("type", campaign.settings().type().name());
    Map<String, Object> voucher = new LinkedHashMap<>();
    voucher.put("code", p.code());
    voucher.put("campaign_id", campaign.id());
    voucher.put("expiration_date", p.expirationDate() == null ? null : p.expirationDate().toString());
    Map<String, Object> publication = new LinkedHashMap<>();
    publication.put("id", p.id());
    if (p.sourceId() != null) publication.put("source_id", p.sourceId());
    publication.put("channel", p.channel());
    return new TriggerEvent(Ids.derived("evt_", p.id()), EVENT, p.createdAt(),
        new TriggerEvent.CustomerRef(customer.id(), customer.sourceId()),
        Map.of("campaign", campaignData, "voucher", voucher, "publication", publication));
  }

  private static String abbreviated(String id) {
    return id.length() <= 40 ? id : id.substring(0, 40) + "...";
  }

  /** Another call with the same publication id changed it between a read and a write. */
  private static final class Moved extends RuntimeException {
    Moved() {
      super(null, null, false, false);
    }
  }
}
