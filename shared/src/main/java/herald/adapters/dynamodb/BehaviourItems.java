package herald.adapters.dynamodb;

import herald.domain.customers.Behaviour;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A customer's behaviour as one map attribute: {@code {events: {<name>: {count: N, last_at: S}},
 * orders: {count: N, total_amount: N, last_order_at: S}, counted_event_ids: [S]}}.
 */
final class BehaviourItems {
  private BehaviourItems() {}

  static AttributeValue write(Behaviour b) {
    Map<String, AttributeValue> events = new HashMap<>();
    b.events().forEach((name, stats) -> {
      Map<String, AttributeValue> one = new HashMap<>();
      one.put("count", Items.n(stats.count()));
      Items.putIfPresent(one, "last_at", stats.lastAt() == null ? null : stats.lastAt().toString());
      events.put(name, AttributeValue.fromM(one));
    });
    Map<String, AttributeValue> orders = new HashMap<>();
    orders.put("count", Items.n(b.orderCount()));
    orders.put("total_amount", Items.n(b.orderTotalAmount()));
    Items.putIfPresent(orders, "last_order_at", b.lastOrderAt() == null ? null : b.lastOrderAt().toString());
    return AttributeValue.fromM(Map.of(
        "events", AttributeValue.fromM(events),
        "orders", AttributeValue.fromM(orders),
        "counted_event_ids", AttributeValue.fromL(b.countedEventIds().stream().map(Items::s).toList())));
  }

  static Behaviour read(AttributeValue value) {
    if (value == null || !value.hasM()) return Behaviour.NONE;
    Map<String, AttributeValue> m = value.m();
    Map<String, Behaviour.EventStats> events = new TreeMap<>();
    if (m.containsKey("events")) {
      m.get("events").m().forEach((name, one) ->
          events.put(name, new Behaviour.EventStats(number(one.m(), "count"), Items.instant(one.m(), "last_at"))));
    }
    Map<String, AttributeValue> orders = m.containsKey("orders") ? m.get("orders").m() : Map.of();
    List<String> ids = m.containsKey("counted_event_ids")
        ? m.get("counted_event_ids").l().stream().map(AttributeValue::s).toList() : List.of();
    Instant lastOrderAt = Items.instant(orders, "last_order_at");
    return new Behaviour(events, number(orders, "count"), number(orders, "total_amount"), lastOrderAt, ids);
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }
}
