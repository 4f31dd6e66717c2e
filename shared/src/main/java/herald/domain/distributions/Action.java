package herald.domain.distributions;

import herald.domain.common.Invalid;
import herald.domain.common.Text;

/**
 * What recipients receive: the action type and its parameters (campaign_id for publish_code; campaign_id and
 * promotion_tier_id for notify_promotion). A notify_promotion's campaign_id is required where distributions are saved
 * and activated ({@link ManageDistributions}), not here: one stored before it was asked for still reads.
 */
public record Action(ActionType type, String campaignId, String promotionTierId) {
  public Action {
    if (type == null) throw Invalid.required("action.type");
    campaignId = parameter(campaignId, "action.campaign_id", type == ActionType.PUBLISH_CODE,
        type == ActionType.PUBLISH_CODE || type == ActionType.NOTIFY_PROMOTION, type);
    promotionTierId = parameter(promotionTierId, "action.promotion_tier_id", type == ActionType.NOTIFY_PROMOTION,
        type == ActionType.NOTIFY_PROMOTION, type);
  }

  public static Action of(ActionType type) {
    return new Action(type, null, null);
  }

  private static String parameter(String value, String field, boolean requiresIt, boolean takesIt, ActionType type) {
    String v = Text.maxLength(Text.optional(value), 200, field);
    if (requiresIt && v == null) throw Invalid.required(field);
    if (!takesIt && v != null) {
      throw new Invalid("unknown_field", field, "action " + type.key() + " takes no " + field.substring(7));
    }
    return v;
  }
}
