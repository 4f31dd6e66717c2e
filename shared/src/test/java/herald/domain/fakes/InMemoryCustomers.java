package herald.domain.fakes;

import herald.domain.common.Conflict;
import herald.domain.common.Page;
import herald.domain.customers.ChangedCustomers;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.customers.StoredCustomer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers in a map, saved over the version read like the real store, each save and erase marking the customer
 * as changed (an erase leaves a tombstone) until settled at that version; can be told to fail the next reads, like
 * a store that is down, or to let another writer come first.
 */
public final class InMemoryCustomers implements Customers, ChangedCustomers {
  private final Map<String, StoredCustomer> items = new LinkedHashMap<>();
  private final Map<String, Instant> marks = new HashMap<>();
  /** The version the latest marked save wrote, per customer; an erase removes it. */
  private final Map<String, Long> markedVersions = new HashMap<>();
  private final Clock clock;
  private RuntimeException failure;
  private int failuresLeft;
  private Runnable beforeNextSave;
  private Runnable beforeNextSettle;
  private int saves;

  /** Marks carry the time of {@code clock}. */
  public InMemoryCustomers(Clock clock) {
    this.clock = clock;
  }

  public InMemoryCustomers() {
    this(new TestClock());
  }

  @Override
  public synchronized Optional<Customer> get(String id) {
    return stored(id).map(StoredCustomer::profile);
  }

  @Override
  public synchronized Optional<StoredCustomer> stored(String id) {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw failure;
    }
    return Optional.ofNullable(items.get(id));
  }

  @Override
  public synchronized Customer save(Customer customer) {
    return write(customer, true);
  }

  @Override
  public synchronized Customer saveBehaviour(Customer customer, boolean marked) {
    if (customer.version() == 0) return save(customer);
    StoredCustomer stored = items.get(customer.id());
    Customer written = stored == null || stored.erased() ? customer : stored.profile().withBehaviour(customer.behaviour());
    return write(written.withVersion(customer.version()), marked);
  }

  private Customer write(Customer customer, boolean marked) {
    if (beforeNextSave != null) {
      Runnable other = beforeNextSave;
      beforeNextSave = null;
      other.run();
    }
    StoredCustomer stored = items.get(customer.id());
    boolean free = customer.version() == 0 ? stored == null
        : stored != null && stored.version() == customer.version();
    if (!free) throw new Conflict("version_conflict", "customer " + customer.id() + " changed since it was read");
    Customer saved = customer.withVersion(customer.version() + 1);
    items.put(customer.id(), StoredCustomer.of(saved));
    if (marked) {
      marks.put(customer.id(), clock.instant());
      markedVersions.put(customer.id(), saved.version());
    }
    saves++;
    return saved;
  }

  /** Stores the customer as given, over any stored one, whatever its version, unmarked (setting up a test). */
  public synchronized void put(Customer customer) {
    items.put(customer.id(), StoredCustomer.of(customer));
  }

  /** The next {@code times} reads throw {@code failure}. */
  public synchronized void failReads(RuntimeException failure, int times) {
    this.failure = failure;
    this.failuresLeft = times;
  }

  /** Runs {@code other} (another writer, say) right before the next save checks the version it was read at. */
  public synchronized void beforeNextSave(Runnable other) {
    this.beforeNextSave = other;
  }

  @Override
  public synchronized boolean erase(String id) {
    StoredCustomer stored = items.get(id);
    if (stored == null || stored.erased()) return false;
    items.put(id, StoredCustomer.erased(id, stored.sourceId(), stored.version() + 1));
    marks.put(id, clock.instant());
    markedVersions.remove(id);
    return true;
  }

  /** Part {@code part} of {@code parts}: the customers whose position modulo parts is part; cursor: a position. */
  @Override
  public synchronized Page<Customer> scan(int part, int parts, String cursor, int limit) {
    List<StoredCustomer> all = new ArrayList<>(items.values());
    List<Customer> page = new ArrayList<>();
    int i = cursor == null ? part : Integer.parseInt(cursor);
    for (; i < all.size() && page.size() < limit; i += parts) {
      if (!all.get(i).erased()) page.add(all.get(i).profile());
    }
    return new Page<>(page, i < all.size() ? Integer.toString(i) : null);
  }

  /** Runs {@code other} (a writer, say) right before the next settle checks the version. */
  public synchronized void beforeNextSettle(Runnable other) {
    this.beforeNextSettle = other;
  }

  @Override
  public synchronized void settled(String customerId, long version) {
    if (beforeNextSettle != null) {
      Runnable other = beforeNextSettle;
      beforeNextSettle = null;
      other.run();
    }
    StoredCustomer stored = items.get(customerId);
    Long markedVersion = markedVersions.get(customerId);
    if (stored != null && (stored.version() == version || markedVersion != null && markedVersion <= version)) {
      marks.remove(customerId);
      markedVersions.remove(customerId);
    }
  }

  @Override
  public synchronized void forget(String customerId, long version) {
    StoredCustomer stored = items.get(customerId);
    if (stored == null || !stored.erased() || stored.version() != version) return;
    items.remove(customerId);
    marks.remove(customerId);
  }

  /** Marked before {@code before}, oldest first (then by id); the cursor is the position of the next one. */
  @Override
  public synchronized Page<String> markedBefore(int shard, Instant before, String cursor, int limit) {
    List<String> marked = marks.entrySet().stream()
        .filter(m -> ChangedCustomers.shardOf(m.getKey()) == shard && m.getValue().isBefore(before))
        .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(marked.size(), from + limit);
    return new Page<>(marked.subList(from, to), to < marked.size() ? Integer.toString(to) : null);
  }

  /** Whether the customer's item carries the mark of a change not yet settled. */
  public synchronized boolean marked(String id) {
    return marks.containsKey(id);
  }

  public synchronized int saves() {
    return saves;
  }

  /** How many customers there are (tombstones not counted). */
  public synchronized int size() {
    return (int) items.values().stream().filter(s -> !s.erased()).count();
  }

  /** How many items there are, tombstones counted. */
  public synchronized int items() {
    return items.size();
  }
}
