package herald.domain.intake;

import herald.domain.common.Invalid;
import herald.domain.common.Nesting;
import herald.domain.common.Text;
import herald.domain.customers.CustomerProfile;
import herald.domain.events.EventCatalogue;
import java.util.Map;

/**
 * An event posted to the API: a catalogue type or a custom event name, the customer it is about,
 * its data, and an optional caller key that makes posting it twice harmless.
 */
public record IncomingEvent(String event, CustomerProfile customer, Map<String, Object> data, String key) {
  public IncomingEvent {
    event = Text.plain(Text.maxLength(Text.required(event, "event"), 200, "event"), "event");
    if (event.startsWith("customer.") && !EventCatalogue.isBusType(event)) {
      throw new Invalid("unknown_event_type", "event", "unknown event type " + event
          + "; names starting with customer. are reserved for the catalogue");
    }
    if (EventCatalogue.CUSTOM_EVENT.equals(event)) {
      throw new Invalid("invalid_value", "event", "post a custom event under its own name, not as "
          + EventCatalogue.CUSTOM_EVENT);
    }
    if (customer == null) throw Invalid.required("customer");
    data = data == null ? Map.of() : Nesting.bounded(data, "data");
    key = Text.plain(Text.maxLength(Text.optional(key), 200, "id"), "id");
  }

  /** The detail-type it goes on the bus with. */
  public String type() {
    return EventCatalogue.isBusType(event) ? event : EventCatalogue.CUSTOM_EVENT;
  }
}
