package herald.domain.templates;

import herald.domain.brand.Brand;
import herald.domain.customers.Customer;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a template sees, built the same way for sending and for previews: customer, brand,
 * unsubscribe_url, event (bus triggers), order (order triggers: the event's data.order) and what the
 * action provides (voucher, promotion_tier, gift, loyalty or reward).
 */
public final class TemplateScope {
  private TemplateScope() {}

  /**
   * @param brand null when the brand details are not set
   * @param event null for a manual distribution
   * @param provided what the action provides, by top-level name ({@code {"voucher": {...}}})
   * @param unsubscribeUrl null until the customer's unsubscribe link exists
   */
  public static Map<String, Object> of(Customer customer, Brand brand, TriggerEvent event,
      Map<String, Object> provided, String unsubscribeUrl) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("customer", customer(customer));
    if (brand != null) {
      Map<String, Object> b = new HashMap<>();
      b.put("sender_name", brand.senderName());
      b.put("postal_address", brand.postalAddress());
      scope.put("brand", b);
    }
    scope.put("unsubscribe_url", unsubscribeUrl);
    if (event != null) {
      scope.put("event", event(event));
      if (EventCatalogue.isOrder(event.type()) && event.data().get("order") instanceof Map<?, ?> order) {
        scope.put("order", order);
      }
    }
    if (provided != null) scope.putAll(provided);
    return scope;
  }

  public static Map<String, Object> customer(Customer customer) {
    Map<String, Object> c = new HashMap<>();
    c.put("id", customer.id());
    c.put("source_id", customer.sourceId());
    c.put("name", customer.name());
    c.put("email", customer.email());
    c.put("phone", customer.phone());
    c.put("metadata", customer.metadata());
    return c;
  }

  public static Map<String, Object> event(TriggerEvent event) {
    Map<String, Object> e = new HashMap<>();
    e.put("id", event.id());
    e.put("type", event.type());
    e.put("name", event.name());
    e.put("created_at", event.createdAt().toString());
    e.put("data", event.data());
    return e;
  }
}
