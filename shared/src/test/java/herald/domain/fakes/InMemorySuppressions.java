package herald.domain.fakes;

import herald.domain.common.Page;
import herald.domain.suppressions.Suppression;
import herald.domain.suppressions.Suppressions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suppression list in a sorted map, as the port says: addresses compared lowercased, an address added twice
 * keeps its first reason and time, pages follow the address order with the index of the next as cursor.
 */
public final class InMemorySuppressions implements Suppressions {
  private final Map<String, Suppression> list = new TreeMap<>();
  private int reads;

  @Override
  public synchronized boolean contains(String email) {
    reads++;
    return list.containsKey(Suppression.normalize(email));
  }

  @Override
  public synchronized java.util.Set<String> suppressed(java.util.Collection<String> emails) {
    reads++;
    return emails.stream().map(Suppression::normalize).filter(list::containsKey)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Override
  public synchronized void add(String email, String reason, Instant at) {
    Suppression s = new Suppression(email, reason, at);
    list.putIfAbsent(s.address(), s);
  }

  @Override
  public synchronized Page<Suppression> list(String cursor, int limit) {
    List<Suppression> all = new ArrayList<>(list.values());
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(all.size(), from + limit);
    return new Page<>(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
  }

  @Override
  public synchronized boolean remove(String email) {
    return list.remove(Suppression.normalize(email)) != null;
  }

  /** How many times the list was read ({@link #contains} or {@link #suppressed}). */
  public synchronized int reads() {
    return reads;
  }

  public synchronized List<Suppression> all() {
    return List.copyOf(list.values());
  }
}
