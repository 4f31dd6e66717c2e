package herald.domain.delivery;

import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.FindPromotionTier;
import herald.domain.campaigns.HoldCode;
import herald.domain.campaigns.PromotionTier;
import herald.domain.campaigns.Publication;
import herald.domain.campaigns.QrLinks;
import herald.domain.common.Conflict;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.ActionValues;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.ManageDistributions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * What a message's action gives its templates. publish_code holds a code for the recipient ({@link HoldCode}: the
 * publication pending until a channel delivers it, see {@link CodeEscrow}), keyed by (distribution, event,
 * customer), so every channel of the recipient and every retry carry the same code, with the signed link to its QR
 * image ({@link QrLinks}; published_code's voucher gets one too); an empty pool skips the message
 * ({@code code_pool_exhausted}, noted in the distribution's activity once an hour). notify_promotion gives the
 * tier's details and its campaign ({@link FindPromotionTier}: a campaign gone, not running or without the tier fails
 * the message with that code). The actions that report an event read its data ({@link ActionValues}).
 */
public final class ActionScope {
  static final String PUBLICATION_CHANNEL = "DISTRIBUTION";
  private final HoldCode hold;
  private final FindPromotionTier tiers;
  private final QrLinks qr;
  private final Activity activity;
  private final Clock clock;

  @Inject
  public ActionScope(HoldCode hold, FindPromotionTier tiers, QrLinks qr, Activity activity, Clock clock) {
    this.hold = hold;
    this.tiers = tiers;
    this.qr = qr;
    this.activity = activity;
    this.clock = clock;
  }

  /** The values (by top-level name), the publication held for the message (or null), or why it cannot go. */
  public record Provided(Map<String, Object> values, Campaign campaign, Publication held, MessageStatus outcome,
      String reason) {
    static Provided values(Map<String, Object> values) {
      return new Provided(values, null, null, null, null);
    }

    static Provided not(MessageStatus outcome, String reason) {
      return new Provided(Map.of(), null, null, outcome, reason);
    }
  }

  public Provided provide(Distribution distribution, SendJob job, Customer customer) {
    ActionType action = distribution.action().type();
    try {
      return switch (action) {
        case PUBLISH_CODE -> publish(distribution, job, customer);
        case NOTIFY_PROMOTION -> promotion(distribution.action());
        default -> Provided.values(withQrUrl(ActionValues.fromEvent(action, job.event())));
      };
    } catch (Invalid unusable) {                      // the campaign (or tier) is gone, expired or not started
      return Provided.not(MessageStatus.FAILED, unusable.code());
    }
  }

  private Provided publish(Distribution distribution, SendJob job, Customer customer) {
    Campaign campaign = hold.running(distribution.action().campaignId());
    Publication held;
    try {
      held = hold.hold(campaign, customer, job.publicationSourceId(), PUBLICATION_CHANNEL,
          Map.of("distribution_id", distribution.id()));
    } catch (Conflict conflict) {
      if (conflict.code().equals(SkipReason.CODE_POOL_EXHAUSTED.code())) noteExhausted(distribution);
      return Provided.not(MessageStatus.SKIPPED, conflict.code());
    }
    Map<String, Object> voucher = new HashMap<>();
    voucher.put("code", held.code());
    voucher.put("campaign_id", campaign.id());
    voucher.put("campaign_name", campaign.settings().name());
    voucher.put("expiration_date", held.expirationDate() == null ? null : held.expirationDate().toString());
    voucher.put("qr_url", qr.urlFor(held.code()));
    return new Provided(Map.of("voucher", voucher, "campaign", campaign(campaign)), campaign, held, null, null);
  }

  /** A published_code's voucher (from the event) with the signed link to its QR image. */
  private Map<String, Object> withQrUrl(Map<String, Object> values) {
    if (!(values.get("voucher") instanceof Map<?, ?> given) || !(given.get("code") instanceof String code)) return values;
    Map<String, Object> voucher = new HashMap<>();
    given.forEach((key, value) -> voucher.put(String.valueOf(key), value));
    voucher.put("qr_url", qr.urlFor(code));
    Map<String, Object> all = new HashMap<>(values);
    all.put("voucher", voucher);
    return all;
  }

  private Provided promotion(Action action) {
    FindPromotionTier.Found found = tiers.running(action.campaignId(), action.promotionTierId(), "action.campaign_id",
        "action.promotion_tier_id");
    PromotionTier tier = found.tier();
    Map<String, Object> details = new HashMap<>();
    details.put("id", tier.id());
    details.put("name", tier.name());
    details.put("banner", tier.banner());
    details.put("description", tier.description());
    details.put("campaign_id", found.campaign().id());
    return new Provided(Map.of("promotion_tier", details, "campaign", campaign(found.campaign())), found.campaign(),
        null, null, null);
  }

  private static Map<String, Object> campaign(Campaign campaign) {
    return Map.of("id", campaign.id(), "name", campaign.settings().name());
  }

  /** Once per distribution and hour, however many recipients find the pool empty. */
  private void noteExhausted(Distribution distribution) {
    activity.recordOnce(new ActivityEntry(ManageDistributions.subject(distribution.id()),
        clock.instant().truncatedTo(ChronoUnit.HOURS), "sender", SkipReason.CODE_POOL_EXHAUSTED.code(),
        distribution.version()));
  }
}
