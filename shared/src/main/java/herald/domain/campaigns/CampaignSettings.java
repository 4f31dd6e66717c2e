package herald.domain.campaigns;

import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the user says about a campaign, checked: its name and type, when it runs ({@code startDate}, {@code
 * expirationDate}, either may be null), {@code joinOnce} (a customer gets at most one code from it, always the
 * same), how its codes look, whether the pool grows by itself ({@code autoIncrease}), how many days a published
 * code stays valid (null: until the campaign expires), and, for a PROMOTION, its tiers.
 */
public record CampaignSettings(String name, CampaignType type, Instant startDate, Instant expirationDate,
    boolean joinOnce, CodeConfig codeConfig, boolean autoIncrease, Integer expirationAfterPublishDays,
    List<PromotionTier> tiers) {
  public static final int MAX_TIERS = 100;

  public CampaignSettings {
    name = Text.maxLength(Text.required(name, "name"), 200, "name");
    if (type == null) throw Invalid.required("type");
    if (startDate != null && expirationDate != null && !expirationDate.isAfter(startDate)) {
      throw new Invalid("invalid_value", "expiration_date", "expiration_date must be after start_date");
    }
    if (codeConfig == null) codeConfig = CodeConfig.defaults();
    if (expirationAfterPublishDays != null && (expirationAfterPublishDays < 1 || expirationAfterPublishDays > 3650)) {
      throw new Invalid("invalid_value", "expiration_after_publish_days", "expiration_after_publish_days is 1 to 3650");
    }
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
    if (!tiers.isEmpty() && type != CampaignType.PROMOTION) {
      throw new Invalid("invalid_value", "tiers", "only a PROMOTION campaign has tiers");
    }
    if (tiers.size() > MAX_TIERS) throw new Invalid("too_many", "tiers", "a campaign has at most " + MAX_TIERS + " tiers");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < tiers.size(); i++) {
      if (!ids.add(tiers.get(i).id())) {
        throw new Invalid("duplicate_value", "tiers[" + i + "].id", "two tiers have the id " + tiers.get(i).id());
      }
    }
  }

  /** Whether the campaign gives codes at {@code now}: started, and not expired. */
  public boolean runningAt(Instant now) {
    return (startDate == null || !now.isBefore(startDate)) && (expirationDate == null || now.isBefore(expirationDate));
  }
}
