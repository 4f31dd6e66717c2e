package herald.domain.intake;

import herald.domain.common.Ids;
import herald.domain.customers.Customer;
import herald.domain.events.EventBus;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Takes an event posted to the API and puts it on the bus, once per caller key. */
public final class AcceptEvent {
  private final UpsertCustomer upsertCustomer;
  private final EventKeys keys;
  private final EventBus bus;
  private final EventDataRules rules;
  private final Clock clock;

  @Inject
  public AcceptEvent(UpsertCustomer upsertCustomer, EventKeys keys, EventBus bus, EventDataRules rules, Clock clock) {
    this.upsertCustomer = upsertCustomer;
    this.keys = keys;
    this.bus = bus;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * Checks the data against its type's rules first: refused data stores nothing and puts nothing on the bus. Then
   * the customer fields the event carries (timezone and metadata included) are saved, marked as changed, before the
   * event is put on the bus. Nothing evaluates the customer's segments here, nor is the change announced: the
   * event reaches the segments function, which counts it and then evaluates the profile with these fields (and,
   * should the event never get there, the mark brings the customer to the segments function's sweep).
   */
  public Accepted accept(IncomingEvent incoming) {
    Map<String, Object> data = data(incoming);
    rules.check(incoming.type(), data);
    String id = incoming.key() == null ? Ids.random("evt_") : Ids.derived("evt_", incoming.key());
    if (incoming.key() != null && !keys.claim(id)) return new Accepted(id, false);
    try {
      Customer customer = upsertCustomer.save(incoming.customer()).customer();
      bus.put(new TriggerEvent(id, incoming.type(), clock.instant(),
          new TriggerEvent.CustomerRef(customer.id(), customer.sourceId()), data));
      return new Accepted(id, true);
    } catch (RuntimeException e) {
      if (incoming.key() != null) keys.release(id);
      throw e;
    }
  }

  private static Map<String, Object> data(IncomingEvent incoming) {
    if (!EventCatalogue.CUSTOM_EVENT.equals(incoming.type())) return incoming.data();
    Map<String, Object> data = new HashMap<>(incoming.data());
    data.put("event", incoming.event());
    return data;
  }

  /** The event's id, and whether this call put it on the bus (false for a repeated key). */
  public record Accepted(String id, boolean isNew) {}
}
