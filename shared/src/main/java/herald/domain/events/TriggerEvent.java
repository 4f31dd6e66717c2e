package herald.domain.events;

import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.time.Instant;
import java.util.Map;

/**
 * An event on the bus, as its envelope in EventBridge's detail:
 * {@code {id, created_at, customer: {id, source_id}, data}}, with its detail-type as {@code type}. A manual send's
 * start is an event too (type {@code manual}, never on the bus; its id the schedule's): it names no customer
 * until it is addressed to each recipient ({@link #to}).
 */
public record TriggerEvent(String id, String type, Instant createdAt, CustomerRef customer, Map<String, Object> data) {
  public TriggerEvent {
    id = Text.required(id, "id");
    type = Text.required(type, "type");
    if (!EventCatalogue.isTriggerType(type)) throw new Invalid("unknown_event_type", "type", "unknown event type " + type);
    if (createdAt == null) throw Invalid.required("created_at");
    if (customer == null && !EventCatalogue.MANUAL.equals(type)) throw Invalid.required("customer");
    data = data == null ? Map.of() : data;
  }

  /** A manual send's start, for no customer yet: {@code id} is the schedule's. */
  public static TriggerEvent manual(String id, Instant at) {
    return new TriggerEvent(id, EventCatalogue.MANUAL, at, null, Map.of());
  }

  public boolean manual() {
    return EventCatalogue.MANUAL.equals(type);
  }

  /** This event addressed to one customer (a manual send's recipient). */
  public TriggerEvent to(String customerId) {
    return new TriggerEvent(id, type, createdAt, new CustomerRef(customerId, null), data);
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
