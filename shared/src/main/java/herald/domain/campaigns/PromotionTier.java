package herald.domain.campaigns;

import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.common.Text;

/**
 * A tier of a PROMOTION campaign, whose details notify_promotion sends. Built through {@link #of}, which checks
 * it and names the field at fault ({@code tiers[2].name}); a tier given without an id gets one.
 */
public record PromotionTier(String id, String name, String banner, String description) {
  public static final String PREFIX = "tier_";

  public static PromotionTier of(String id, String name, String banner, String description, String field) {
    String checkedId = Text.optional(id);
    if (checkedId == null) {
      checkedId = Ids.random(PREFIX);
    } else if (!checkedId.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new Invalid("invalid_value", field + ".id", field + ".id is 1 to 64 letters, digits, _ or -");
    }
    return new PromotionTier(checkedId, Text.maxLength(Text.required(name, field + ".name"), 200, field + ".name"),
        Text.maxLength(Text.optional(banner), 1000, field + ".banner"),
        Text.maxLength(Text.optional(description), 4000, field + ".description"));
  }
}
