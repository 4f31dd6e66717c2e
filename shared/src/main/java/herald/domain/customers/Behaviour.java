package herald.domain.customers;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a customer has done, as segment rules see it: per event name how many times and when last
 * ({@code events.<name>.count}, {@code events.<name>.last_at}), and their paid orders ({@code orders.count},
 * {@code orders.total_amount} in minor units, {@code orders.last_order_at}).
 */
public record Behaviour(Map<String, EventStats> events, long orderCount, long orderTotalAmount, Instant lastOrderAt) {
  public static final Behaviour NONE = new Behaviour(Map.of(), 0, 0, null);

  public Behaviour {
    events = events == null || events.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(events));
  }

  /** How often and when last a customer had an event of one name. */
  public record EventStats(long count, Instant lastAt) {}
}
