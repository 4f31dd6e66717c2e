package herald.domain.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a customer has done, as segment rules see it: per event name how many times and when last
 * ({@code events.<name>.count}, {@code events.<name>.last_at}), and their paid orders ({@code orders.count},
 * {@code orders.total_amount} in minor units, {@code orders.last_order_at}). {@code countedEventIds} holds the
 * ids of the last {@link #WINDOW} events counted, oldest first, so that an event delivered again counts once.
 * At most {@link #MAX_EVENT_NAMES} names are tracked per customer: the profile is one DynamoDB item, at most
 * 400 KB, and names made of ids ("viewed_product_123") would otherwise grow it until every write failed.
 */
public record Behaviour(Map<String, EventStats> events, long orderCount, long orderTotalAmount, Instant lastOrderAt,
    List<String> countedEventIds) {
  /** How many of the most recent event ids a customer keeps to recognise an event delivered again. */
  public static final int WINDOW = 100;
  /** How many event names a customer's behaviour tracks; a name first seen beyond that is not tracked. */
  public static final int MAX_EVENT_NAMES = 500;
  public static final Behaviour NONE = new Behaviour(Map.of(), 0, 0, null);

  public Behaviour {
    events = events == null || events.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(events));
    countedEventIds = countedEventIds == null ? List.of()
        : List.copyOf(countedEventIds.subList(Math.max(0, countedEventIds.size() - WINDOW), countedEventIds.size()));
  }

  /** Aggregates without the ids of the events counted. */
  public Behaviour(Map<String, EventStats> events, long orderCount, long orderTotalAmount, Instant lastOrderAt) {
    this(events, orderCount, orderTotalAmount, lastOrderAt, List.of());
  }

  /** True when the event with this id is among the last {@link #WINDOW} counted. */
  public boolean counted(String eventId) {
    return countedEventIds.contains(eventId);
  }

  /**
   * These aggregates with one more event of this name, had at {@code at}; the event's id is remembered. A new
   * name when {@link #MAX_EVENT_NAMES} are tracked already is not added.
   */
  public Behaviour withEvent(String eventId, String name, Instant at) {
    Map<String, EventStats> changed = new TreeMap<>(events);
    EventStats before = changed.get(name);
    if (before != null) changed.put(name, new EventStats(before.count() + 1, latest(before.lastAt(), at)));
    else if (changed.size() < MAX_EVENT_NAMES) changed.put(name, new EventStats(1, at));
    List<String> ids = new ArrayList<>(countedEventIds);
    ids.add(eventId);
    return new Behaviour(changed, orderCount, orderTotalAmount, lastOrderAt, ids);
  }

  /** These aggregates with one more paid order of {@code amount} (minor units), paid at {@code at}. */
  public Behaviour withOrder(long amount, Instant at) {
    return new Behaviour(events, orderCount + 1, orderTotalAmount + amount, latest(lastOrderAt, at), countedEventIds);
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isAfter(b) ? a : b;
  }

  /** How often and when last a customer had an event of one name. */
  public record EventStats(long count, Instant lastAt) {}
}
