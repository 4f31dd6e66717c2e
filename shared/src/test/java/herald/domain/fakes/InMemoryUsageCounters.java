package herald.domain.fakes;

import herald.domain.limits.Counter;
import herald.domain.limits.Reservation;
import herald.domain.limits.UsageCounters;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Usage counters in memory, with the adapter's rules: a unit per message id, never past a limit, which counts only
 * the units reserved under it.
 */
public final class InMemoryUsageCounters implements UsageCounters {
  private final Map<String, Long> counts = new HashMap<>();
  private final Map<String, Long> limited = new HashMap<>();
  private final Map<String, Set<String>> holders = new HashMap<>();
  private final Map<String, Reservation> reservations = new HashMap<>();
  private final Map<String, Map<Counter, Long>> limitsOf = new HashMap<>();

  @Override
  public synchronized Reservation reserve(String messageId, Map<Counter, String> keys, Map<Counter, Long> limits) {
    Map<Counter, String> k = reservations.containsKey(messageId) ? reservations.get(messageId).keys() : keys;
    Map<Counter, Long> l = limitsOf.computeIfAbsent(messageId, id -> Map.copyOf(limits));
    for (var limit : l.entrySet()) {
      String key = k.get(limit.getKey());
      Set<String> held = holders.computeIfAbsent(key, x -> new HashSet<>());
      if (held.contains(messageId)) continue;
      if (limited.getOrDefault(key, 0L) >= limit.getValue()) {
        giveBack(messageId, k, l);
        Reservation refused = new Reservation(messageId, k, Set.of(), false);
        reservations.put(messageId, refused);
        return refused;
      }
      held.add(messageId);
      counts.merge(key, 1L, Long::sum);
      limited.merge(key, 1L, Long::sum);
    }
    Reservation granted = new Reservation(messageId, k, l.keySet(), true);
    reservations.put(messageId, granted);
    return granted;
  }

  @Override
  public synchronized void sent(Reservation reservation) {
    reservation.keys().forEach((counter, key) -> {
      if (!reservation.reserved().contains(counter)) counts.merge(key, 1L, Long::sum);
    });
  }

  @Override
  public synchronized void giveBack(String messageId) {
    Reservation r = reservations.get(messageId);
    if (r != null) giveBack(messageId, r.keys(), limitsOf.getOrDefault(messageId, Map.of()));
  }

  private void giveBack(String messageId, Map<Counter, String> keys, Map<Counter, Long> limits) {
    for (Counter counter : limits.keySet()) {
      String key = keys.get(counter);
      Set<String> held = holders.get(key);
      if (held != null && held.remove(messageId)) {
        counts.merge(key, -1L, Long::sum);
        limited.merge(key, -1L, Long::sum);
      }
    }
  }

  @Override
  public synchronized Map<Counter, Count> counts(Map<Counter, String> keys) {
    Map<Counter, Count> found = new EnumMap<>(Counter.class);
    keys.forEach((counter, key) -> found.put(counter,
        new Count(counts.getOrDefault(key, 0L), limited.getOrDefault(key, 0L))));
    return found;
  }
}
