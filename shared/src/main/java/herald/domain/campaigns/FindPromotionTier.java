package herald.domain.campaigns;

import herald.domain.common.Invalid;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The tier a notify_promotion action names, with its campaign. Tier ids are unique only inside a campaign, so the
 * action names both. An unknown campaign ({@code unknown_campaign}), one that is not a PROMOTION ({@code
 * invalid_value}) and a tier the campaign does not hold ({@code unknown_promotion_tier}) are refused, on the fields
 * the caller names.
 */
public final class FindPromotionTier {
  private final Campaigns campaigns;
  private final Clock clock;

  @Inject
  public FindPromotionTier(Campaigns campaigns, Clock clock) {
    this.campaigns = campaigns;
    this.clock = clock;
  }

  /** A promotion tier and the campaign holding it. */
  public record Found(Campaign campaign, PromotionTier tier) {}

  /** The campaign's tier, whether or not the campaign runs now (saving and activating a distribution). */
  public Found find(String campaignId, String tierId, String campaignField, String tierField) {
    Optional<Campaign> campaign = Campaign.isId(campaignId) ? campaigns.get(campaignId) : Optional.empty();
    if (campaign.isEmpty()) {
      throw new Invalid("unknown_campaign", campaignField, "campaign " + HoldCode.abbreviated(campaignId)
          + " does not exist; name an existing PROMOTION campaign");
    }
    CampaignSettings settings = campaign.get().settings();
    if (settings.type() != CampaignType.PROMOTION) {
      throw new Invalid("invalid_value", campaignField, "campaign " + campaignId + " is a " + settings.type()
          + "; notify_promotion names a PROMOTION campaign");
    }
    PromotionTier tier = settings.tiers().stream().filter(t -> t.id().equals(tierId)).findFirst()
        .orElseThrow(() -> new Invalid("unknown_promotion_tier", tierField, "campaign " + campaignId
            + " has no tier " + HoldCode.abbreviated(tierId)));
    return new Found(campaign.get(), tier);
  }

  /** As {@link #find}, and the campaign running now (sending): else {@code campaign_expired}, {@code campaign_not_started}. */
  public Found running(String campaignId, String tierId, String campaignField, String tierField) {
    Found found = find(campaignId, tierId, campaignField, tierField);
    CampaignSettings settings = found.campaign().settings();
    Instant now = clock.instant();
    if (settings.expirationDate() != null && !now.isBefore(settings.expirationDate())) {
      throw new Invalid("campaign_expired", campaignField, "campaign " + campaignId + " expired at "
          + settings.expirationDate());
    }
    if (!settings.runningAt(now)) {
      throw new Invalid("campaign_not_started", campaignField, "campaign " + campaignId + " starts at "
          + settings.startDate());
    }
    return found;
  }
}
