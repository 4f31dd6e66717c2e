package herald.domain.distributions;

import herald.domain.common.Invalid;
import herald.domain.common.Text;

/** What recipients receive: the action type and its parameters (campaign_id for publish_code, ...). */
public record Action(ActionType type, String campaignId, String promotionTierId) {
  public Action {
    if (type == null) throw Invalid.required("action.type");
    campaignId = parameter(campaignId, "action.campaign_id", type == ActionType.PUBLISH_CODE, type);
    promotionTierId = parameter(promotionTierId, "action.promotion_tier_id", type == ActionType.NOTIFY_PROMOTION, type);
  }

  public static Action of(ActionType type) {
    return new Action(type, null, null);
  }

  private static String parameter(String value, String field, boolean takesIt, ActionType type) {
    String v = Text.maxLength(Text.optional(value), 200, field);
    if (takesIt && v == null) throw Invalid.required(field);
    if (!takesIt && v != null) {
      throw new Invalid("unknown_field", field, "action " + type.key() + " takes no " + field.substring(7));
    }
    return v;
  }
}
