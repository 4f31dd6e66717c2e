package herald.domain.distributions;

import herald.domain.common.Invalid;
import herald.domain.common.Text;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import herald.domain.events.TriggerFilter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * When a distribution starts: an event type (or manual), narrowed by the filters its type takes
 * ({@link EventCatalogue#filters}) and an optional EventBridge pattern on the event's data (JSON text).
 */
public record Trigger(String type, Map<String, Object> filters, String pattern) {
  static final int PATTERN_MAX = 4096;

  public Trigger {
    type = Text.required(type, "trigger.type");
    if (!EventCatalogue.isTriggerType(type)) {
      throw new Invalid("unknown_trigger_type", "trigger.type", "unknown trigger type " + type);
    }
    filters = checked(type, filters);
    pattern = Text.maxLength(Text.optional(pattern), PATTERN_MAX, "trigger.pattern");
    if (pattern != null && EventCatalogue.MANUAL.equals(type)) {
      throw new Invalid("unknown_field", "trigger.pattern", "a manual trigger takes no pattern");
    }
  }

  /** A trigger without a pattern. */
  public Trigger(String type, Map<String, ?> filters) {
    this(type, filters == null ? null : new LinkedHashMap<>(filters), null);
  }

  public boolean manual() {
    return EventCatalogue.MANUAL.equals(type);
  }

  /** A text filter's value, or null. */
  public String filter(String name) {
    return filters.get(name) instanceof String s ? s : null;
  }

  /** Whether the event has this trigger's type and passes its filters and pattern. */
  public boolean matches(TriggerEvent event, PatternMatcher patterns) {
    if (!type.equals(event.type())) return false;
    for (TriggerFilter filter : EventCatalogue.filters(type)) {
      Object value = filters.get(filter.name());
      if (value != null && !filter.accepts(value, event)) return false;
    }
    return pattern == null || patterns.matches(pattern, event.data());
  }

  private static Map<String, Object> checked(String type, Map<String, Object> given) {
    List<TriggerFilter> takes = EventCatalogue.filters(type);
    Map<String, Object> filters = new TreeMap<>();
    if (given != null) {
      given.forEach((name, value) -> {
        TriggerFilter filter = takes.stream().filter(f -> f.name().equals(name)).findFirst()
            .orElseThrow(() -> unknown(type, name, takes));
        Object v = value(filter, value);
        if (v != null) filters.put(name, v);
      });
    }
    for (TriggerFilter filter : takes) {
      if (filter.required() && !filters.containsKey(filter.name())) {
        throw Invalid.required("trigger.filters." + filter.name());
      }
    }
    return Collections.unmodifiableMap(filters);
  }

  private static Object value(TriggerFilter filter, Object value) {
    String field = "trigger.filters." + filter.name();
    if (value == null) return null;
    if (filter.kind() == TriggerFilter.Kind.BOOLEAN) {
      if (!(value instanceof Boolean)) throw new Invalid("invalid_type", field, field + " must be true or false");
      return value;
    }
    if (!(value instanceof String s)) throw new Invalid("invalid_type", field, field + " must be a string");
    return Text.maxLength(Text.optional(s), 200, field);
  }

  private static Invalid unknown(String type, String name, List<TriggerFilter> takes) {
    String field = "trigger.filters." + name;
    String allowed = takes.isEmpty() ? "none" : takes.stream().map(TriggerFilter::name).collect(Collectors.joining(", "));
    return new Invalid("unknown_field", field, "trigger " + type + " takes no filter " + name + "; it takes: " + allowed);
  }
}
