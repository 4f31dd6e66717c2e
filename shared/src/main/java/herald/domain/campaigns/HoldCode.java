package herald.domain.campaigns;

import herald.domain.campaigns.Codes.Taken;
import herald.domain.common.Conflict;
import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.domain.events.EventBus;
import herald.domain.events.TriggerEvent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The steps of publishing a code, shared by the API ({@link PublishCode}) and the sender's publish_code action.
 * {@link #hold} claims a code for a publication and leaves it pending; {@link #confirm} publishes it; {@link
 * #withdraw} gives a pending publication's code back to the pool and deletes the publication. The publication's id
 * is derived from the campaign and the customer under join_once, else from the campaign and the caller's source_id,
 * else random; so a repeated call finds the publication it made. It is written pending, naming the code it is about
 * to claim, before the claim ("in the pool, or this publication's already"), so a crash between the two leaves
 * nothing claimed that no publication names, and a retry finishes the work.
 */
public final class HoldCode {
  public static final String EVENT = "customer.publication.succeeded";
  private static final int ATTEMPTS = 10;
  private final Campaigns campaigns;
  private final Codes codes;
  private final Publications publications;
  private final EventBus bus;
  private final Clock clock;

  @Inject
  public HoldCode(Campaigns campaigns, Codes codes, Publications publications, EventBus bus, Clock clock) {
    this.campaigns = campaigns;
    this.codes = codes;
    this.publications = publications;
    this.bus = bus;
    this.clock = clock;
  }

  /**
   * The campaign, if it can publish now: an unknown campaign ({@code unknown_campaign}), one not running ({@code
   * campaign_not_started}, {@code campaign_expired}) and a PROMOTION (no codes) are refused.
   */
  public Campaign running(String id) {
    Instant now = clock.instant();
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

  /** The id of the publication a (campaign, customer, source_id) makes; null when it has none (a random one). */
  public static String publicationId(Campaign campaign, String customerId, String sourceId) {
    if (campaign.settings().joinOnce()) return Ids.derived(Publication.PREFIX, campaign.id(), "customer", customerId);
    return sourceId == null ? null : Ids.derived(Publication.PREFIX, campaign.id(), "source", sourceId);
  }

  /**
   * The publication holding a code for the customer: the published one when there is one already, else a pending one
   * whose code is claimed. An empty pool is a {@link Conflict} {@code code_pool_exhausted} (and leaves nothing
   * written); a source_id that published to another customer is a Conflict {@code source_id_in_use}.
   */
  public Publication hold(Campaign campaign, Customer customer, String sourceId, String channel,
      Map<String, Object> metadata) {
    Instant now = clock.instant();
    String derived = publicationId(campaign, customer.id(), sourceId);
    String id = derived != null ? derived : Ids.random(Publication.PREFIX);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Publication> stored = publications.get(id);
      if (stored.isPresent() && !campaign.settings().joinOnce() && !stored.get().customerId().equals(customer.id())) {
        throw new Conflict("source_id_in_use", "source_id " + sourceId + " published a code of this "
            + "campaign to another customer; use a new source_id");
      }
      if (stored.isPresent() && stored.get().published()) return stored.get();
      if (stored.isPresent()) {
        Taken taken = codes.take(campaign.id(), stored.get().code(), id, customer.id(), now);
        if (taken != Taken.LOST) return stored.get();
      }
      Publication draft = stored.orElseGet(() -> new Publication(id, campaign.id(), customer.id(), sourceId, channel,
          metadata, "-", expiration(campaign, now), now, false));
      Publication[] named = {stored.orElse(null)};
      try {
        Claim claim = codes.claim(campaign.id(), id, customer.id(), now, code -> named[0] = name(draft, named[0], code));
        if (claim.exhausted()) {
          if (named[0] != null) publications.deletePending(id, named[0].code());
          throw new Conflict("code_pool_exhausted", "campaign " + campaign.id() + " has no code left to publish");
        }
        return named[0];
      } catch (Moved e) {
        // another call with the same key changed the publication: read it again
      }
    }
    throw new IllegalStateException("publication " + id + " kept changing under " + ATTEMPTS + " attempts");
  }

  /**
   * Publishes a held publication: {@code customer.publication.succeeded} on the bus (its id derived from the
   * publication's, so a repeat is the same event), the publication marked published, and the campaign's published
   * count moved by the call that marked it. A publication published already is returned as it is.
   */
  public Publication confirm(Campaign campaign, Customer customer, Publication held) {
    if (held.published()) return held;
    Publication published = held.asPublished();
    bus.put(event(campaign, customer, published));
    if (publications.markPublished(published.id())) campaigns.count(campaign.id(), 0, 1);
    return published;
  }

  /**
   * Rolls back a pending publication: its code goes back to the pool, then the publication is deleted (in that
   * order, so a crash between the two leaves a pending publication naming a code of the pool, which a retry takes
   * again). A published publication is left as it is; false then, or when there was nothing to roll back.
   */
  public boolean withdraw(String publicationId) {
    Optional<Publication> stored = publications.get(publicationId);
    if (stored.isEmpty() || stored.get().published()) return false;
    Publication p = stored.get();
    codes.release(p.campaignId(), p.code(), p.id());
    return publications.deletePending(p.id(), p.code());
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

  static String abbreviated(String id) {
    return id == null || id.length() <= 40 ? id : id.substring(0, 40) + "...";
  }

  /** Another call with the same publication id changed it between a read and a write. */
  private static final class Moved extends RuntimeException {
    Moved() {
      super(null, null, false, false);
    }
  }
}
