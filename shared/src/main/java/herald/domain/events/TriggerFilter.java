package herald.domain.distributions;

import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import java.util.List;
import java.util.Map;

/**
 * A filter a trigger type takes: its name, whether it is text or a boolean, whether it is required,
 * and where in the event's data it is compared ({@code null}: it narrows nothing at match time).
 */
public record TriggerFilter(String name, Kind kind, boolean required, List<String> dataPath) {
  public enum Kind { TEXT, BOOLEAN }

  static final TriggerFilter SEGMENT_ID = new TriggerFilter("segment_id", Kind.TEXT, true, List.of("segment", "id"));
  static final TriggerFilter INCLUDE_EXISTING_MEMBERS =
      new TriggerFilter("include_existing_members", Kind.BOOLEAN, false, null);
  static final TriggerFilter EVENT = new TriggerFilter("event", Kind.TEXT, true, List.of("event"));
  static final TriggerFilter CAMPAIGN_ID = new TriggerFilter("campaign_id", Kind.TEXT, false, List.of("campaign", "id"));
  static final TriggerFilter TIER_ID = new TriggerFilter("tier_id", Kind.TEXT, false, List.of("tier", "id"));

  public TriggerFilter {
    dataPath = dataPath == null ? null : List.copyOf(dataPath);
  }

  /** The filters a trigger type takes, in the order the catalogue lists them. */
  public static List<TriggerFilter> forType(String type) {
    if ("customer.segment.entered".equals(type)) return List.of(SEGMENT_ID, INCLUDE_EXISTING_MEMBERS);
    if ("customer.segment.left".equals(type)) return List.of(SEGMENT_ID);
    if (EventCatalogue.CUSTOM_EVENT.equals(type)) return List.of(EVENT);
    if (type.startsWith("customer.loyalty.tier.")) return List.of(TIER_ID, CAMPAIGN_ID);
    if (type.startsWith("customer.voucher.") || type.startsWith("customer.redemption.")
        || type.equals("customer.reward_redemptions.completed") || type.equals("customer.publication.succeeded")
        || type.equals("customer.rewarded.loyalty_points") || type.equals("customer.referred")) {
      return List.of(CAMPAIGN_ID);
    }
    return List.of();   // customer.order.*, manual
  }

  /** Whether the event passes this filter set to {@code value}. */
  public boolean accepts(Object value, TriggerEvent event) {
    if (dataPath == null) return true;
    if (this.equals(EVENT)) return value.equals(event.name());
    Object actual = event.data();
    for (String step : dataPath) {
      actual = actual instanceof Map<?, ?> map ? map.get(step) : null;
    }
    return (actual instanceof String || actual instanceof Number) && value.equals(actual.toString());
  }
}
