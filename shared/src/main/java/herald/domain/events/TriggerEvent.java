package herald.domain.events;

import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.time.Instant;
import java.util.Map;

/**
 * An event on the bus, as its envelope in EventBridge's detail:
 * {@code {id, created_at, customer: {id, source_id}, data}}, with its detail-type as {@code type}.
 */
public record TriggerEvent(String id, String type, Instant createdAt, CustomerRef customer, Map<String, Object> data) {
  public TriggerEvent {
    id = Text.required(id, "id");
    type = Text.required(type, "type");
    if (!EventCatalogue.isBusType(type)) throw new Invalid("unknown_event_type", "type", "unknown event type " + type);
    if (createdAt == null) throw Invalid.required("created_at");
    if (customer == null) throw Invalid.required("customer");
    data = data == null ? Map.of() : data;
  }

  /** For a custom event, its own name (data.event); otherwise the type. */
  public String name() {
    Object event = data.get("event");
    return EventCatalogue.CUSTOM_EVENT.equals(type) && event instanceof String s ? s : type;
  }

  public record CustomerRef(String id, String sourceId) {
    public CustomerRef {
      id = Text.required(id, "customer.id");
      sourceId = Text.optional(sourceId);
    }
  }
}
