package herald.domain.events;

import java.util.List;
import java.util.Map;

/**
 * A filter a trigger type takes: its name, whether it is text or a boolean, whether it is required,
 * and where in the event's data it is compared ({@code null}: it narrows nothing at match time). Which
 * types take which filters is the {@link EventCatalogue}'s to say.
 */
public record TriggerFilter(String name, Kind kind, boolean required, List<String> dataPath) {
  public enum Kind { TEXT, BOOLEAN }

  public static final TriggerFilter SEGMENT_ID = new TriggerFilter("segment_id", Kind.TEXT, true, List.of("segment", "id"));
  public static final TriggerFilter INCLUDE_EXISTING_MEMBERS =
      new TriggerFilter("include_existing_members", Kind.BOOLEAN, false, null);
  public static final TriggerFilter EVENT = new TriggerFilter("event", Kind.TEXT, true, List.of("event"));
  public static final TriggerFilter CAMPAIGN_ID = new TriggerFilter("campaign_id", Kind.TEXT, false, List.of("campaign", "id"));
  public static final TriggerFilter TIER_ID = new TriggerFilter("tier_id", Kind.TEXT, false, List.of("tier", "id"));

  public TriggerFilter {
    dataPath = dataPath == null ? null : List.copyOf(dataPath);
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
