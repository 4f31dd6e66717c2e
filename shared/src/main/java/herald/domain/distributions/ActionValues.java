package herald.domain.distributions;

import herald.domain.events.TriggerEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * What an action provides to templates. The actions that read the event take it from the event's
 * data (as the event catalogue's schemas describe it); previews fill the rest with sample values.
 */
public final class ActionValues {
  public static final String SAMPLE_CODE = "PREVIEW-CODE";

  private ActionValues() {}

  /** What the event gives an event-reading action; empty for the others (or without an event). */
  public static Map<String, Object> fromEvent(ActionType action, TriggerEvent event) {
    if (event == null) return Map.of();
    Map<String, Object> data = event.data();
    Map<String, Object> v = new HashMap<>();
    switch (action) {
      case GIFT_CREDITS -> {
        v.put("amount", at(data, "balance", "amount"));
        v.put("balance", at(data, "balance", "total"));
        v.put("code", at(data, "voucher", "code"));
      }
      case LOYALTY_POINTS -> {
        v.put("points", at(data, "points", "amount"));
        v.put("balance", at(data, "points", "total"));
        Object card = at(data, "loyalty_card", "code");
        v.put("code", card != null ? card : at(data, "voucher", "code"));
      }
      case REWARD_DETAILS -> {
        v.put("id", at(data, "reward", "id"));
        v.put("name", at(data, "reward", "name"));
        v.put("type", at(data, "reward", "type"));
      }
      case PUBLISHED_CODE -> {
        v.put("code", at(data, "voucher", "code"));
        Object campaign = at(data, "voucher", "campaign_id");
        v.put("campaign_id", campaign != null ? campaign : at(data, "campaign", "id"));
        v.put("campaign_name", at(data, "campaign", "name"));
        v.put("expiration_date", at(data, "voucher", "expiration_date"));
      }
      default -> {
        return Map.of();
      }
    }
    v.values().removeIf(java.util.Objects::isNull);
    if (action == ActionType.PUBLISHED_CODE) {
      Map<String, Object> campaign = new HashMap<>();
      campaign.put("id", v.get("campaign_id"));
      campaign.put("name", v.get("campaign_name"));
      campaign.values().removeIf(java.util.Objects::isNull);
      return Map.of("voucher", v, "campaign", campaign);
    }
    return Map.of(TemplateVariables.provided(action), v);
  }

  /** For a preview: sample values for everything the action provides, overridden by what the event gives. */
  public static Map<String, Object> sample(Action action, TriggerEvent event) {
    String name = TemplateVariables.provided(action.type());
    if (name == null) return Map.of();
    Map<String, Object> v = new HashMap<>(samples(action));
    Map<String, Object> real = fromEvent(action.type(), event);
    if (real.get(name) instanceof Map<?, ?> given) given.forEach((key, value) -> v.put(String.valueOf(key), value));
    if (!TemplateVariables.providesCampaign(action.type())) return Map.of(name, v);
    Map<String, Object> campaign = new HashMap<>(Map.of("id", v.get("campaign_id"),
        "name", v.getOrDefault("campaign_name", "Preview campaign")));
    if (real.get("campaign") instanceof Map<?, ?> given) {
      given.forEach((key, value) -> campaign.put(String.valueOf(key), value));
    }
    return Map.of(name, v, "campaign", campaign);
  }

  private static Map<String, Object> samples(Action action) {
    return switch (action.type()) {
      case PUBLISH_CODE, PUBLISHED_CODE -> Map.of("code", SAMPLE_CODE,
          "campaign_id", action.campaignId() != null ? action.campaignId() : "camp_preview",
          "campaign_name", "Preview campaign", "expiration_date", "2030-12-31T23:59:59Z",
          "qr_url", "https://herald.example/v1/qr?code=" + SAMPLE_CODE + "&s=preview");
      case NOTIFY_PROMOTION -> Map.of("id", action.promotionTierId(), "name", "Preview promotion",
          "banner", "10% off your next order", "description", "On everything in the shop until Sunday.",
          "campaign_id", action.campaignId() != null ? action.campaignId() : "camp_preview");
      case GIFT_CREDITS -> Map.of("amount", 1000, "balance", 5000, "code", SAMPLE_CODE);
      case LOYALTY_POINTS -> Map.of("points", 100, "balance", 1200, "code", SAMPLE_CODE);
      case REWARD_DETAILS -> Map.of("id", "rew_preview", "name", "Preview reward", "type", "MATERIAL");
      case PLAIN_MESSAGE -> Map.of();
    };
  }

  private static Object at(Map<String, Object> data, String object, String field) {
    return data.get(object) instanceof Map<?, ?> map ? map.get(field) : null;
  }
}
