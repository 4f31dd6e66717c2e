package herald.domain.campaigns;

import herald.domain.common.Invalid;

/** What a campaign gives: vouchers of one kind, or a promotion with its tiers. */
public enum CampaignType {
  DISCOUNT_VOUCHERS, GIFT_VOUCHERS, LOYALTY_PROGRAM, REFERRAL_PROGRAM, PROMOTION;

  public static CampaignType of(String name, String field) {
    for (CampaignType type : values()) if (type.name().equals(name)) return type;
    throw new Invalid("invalid_value", field, field + " must be one of DISCOUNT_VOUCHERS, GIFT_VOUCHERS, "
        + "LOYALTY_PROGRAM, REFERRAL_PROGRAM, PROMOTION");
  }
}
