package herald.domain.distributions;

import herald.domain.Invalid;
import herald.domain.Text;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import java.util.Map;

/** When a distribution starts: an event type, narrowed by filters. */
public record Trigger(String type, Map<String, String> filters) {
  public Trigger {
    type = Text.required(type, "trigger.type");
    if (!EventCatalogue.isTriggerType(type)) {
      throw new Invalid("unknown_trigger_type", "trigger.type", "unknown trigger type " + type);
    }
    filters = filters == null ? Map.of() : stripped(filters);
    if (EventCatalogue.CUSTOM_EVENT.equals(type)) Text.required(filters.get("event"), "trigger.filters.event");
  }

  private static Map<String, String> stripped(Map<String, String> filters) {
    Map<String, String> copy = new java.util.HashMap<>();
    filters.forEach((name, value) -> copy.put(name, value == null ? null : value.strip()));
    return Map.copyOf(copy);
  }

  /** Whether an event of this trigger's type passes its filters. */
  public boolean matches(TriggerEvent event) {
    if (!type.equals(event.type())) return false;
    String eventName = filters.get("event");
    return eventName == null || eventName.equals(event.name());
  }
}
