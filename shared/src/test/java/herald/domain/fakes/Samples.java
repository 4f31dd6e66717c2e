package herald.domain.fakes;

import herald.domain.brand.Brand;
import herald.domain.channels.email.EmailChannel;
import herald.domain.customers.Customer;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.domain.events.TriggerEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small valid values for tests, each with the one thing a test varies as a parameter. */
public final class Samples {
  public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  public static final String ORDER_PAID = "customer.order.paid";
  public static final String CUSTOM = "customer.custom_event";

  private Samples() {}

  public static Brand brand() {
    return new Brand("Acme Shop", "hello@acme.example", "1 Main Street, Springfield");
  }

  public static Customer customer(String sourceId, String name, String email) {
    return new Customer(Customer.idFor(sourceId), sourceId, name, email, null, Map.of(), T0, T0);
  }

  public static Customer customer(String sourceId) {
    return customer(sourceId, "Ada", sourceId + "@mail.example");
  }

  public static EmailChannel email() {
    return new EmailChannel("Hello {{customer.name}}", "<p>Hi {{customer.name}}</p>", "Hi {{customer.name}}");
  }

  public static Distribution distribution(String id, DistributionStatus status, Trigger trigger, EmailChannel channel) {
    return new Distribution(id, "Thanks for your order", null, status, trigger, Audience.eventCustomer(),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(channel), 1, T0, T0);
  }

  public static Distribution distribution(String id, DistributionStatus status, Trigger trigger) {
    return distribution(id, status, trigger, email());
  }

  public static Distribution active(String id, EmailChannel channel) {
    return distribution(id, DistributionStatus.ACTIVE, orderPaid(), channel);
  }

  public static Trigger orderPaid() {
    return new Trigger(ORDER_PAID, Map.of());
  }

  public static Trigger manual() {
    return new Trigger("manual", Map.of());
  }

  public static Trigger custom(String eventName) {
    return new Trigger(CUSTOM, Map.of("event", eventName));
  }

  public static TriggerEvent event(String id, String type, Customer customer, Map<String, Object> data) {
    return new TriggerEvent(id, type, T0, new TriggerEvent.CustomerRef(customer.id(), customer.sourceId()), data);
  }

  public static TriggerEvent orderPaid(String id, Customer customer) {
    return event(id, ORDER_PAID, customer, Map.of("order_id", "ord_1"));
  }

  public static TriggerEvent customEvent(String id, String name, Customer customer) {
    return event(id, CUSTOM, customer, Map.of("event", name));
  }
}
