package herald.domain.fakes;

import herald.domain.common.Conflict;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.common.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers in a map, saved over the version read like the real store; can be told to fail the next reads, like a
 * store that is down, or to let another writer come first.
 */
public final class InMemoryCustomers implements Customers {
  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private RuntimeException failure;
  private int failuresLeft;
  private Runnable beforeNextSave;
  private int saves;

  @Override
  public synchronized Optional<Customer> get(String id) {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw failure;
    }
    return Optional.ofNullable(customers.get(id));
  }

  @Override
  public synchronized Customer save(Customer customer) {
    if (beforeNextSave != null) {
      Runnable other = beforeNextSave;
      beforeNextSave = null;
      other.run();
    }
    Customer stored = customers.get(customer.id());
    if ((stored == null ? 0 : stored.version()) != customer.version()) {
      throw new Conflict("version_conflict", "customer " + customer.id() + " changed since it was read");
    }
    Customer saved = customer.withVersion(customer.version() + 1);
    customers.put(customer.id(), saved);
    saves++;
    return saved;
  }

  /** Stores the customer as given, over any stored one, whatever its version (setting up a test). */
  public synchronized void put(Customer customer) {
    customers.put(customer.id(), customer);
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
    return customers.remove(id) != null;
  }

  /** Part {@code part} of {@code parts}: the customers whose position modulo parts is part; cursor: a position. */
  @Override
  public synchronized Page<Customer> scan(int part, int parts, String cursor, int limit) {
    List<Customer> all = new ArrayList<>(customers.values());
    List<Customer> page = new ArrayList<>();
    int i = cursor == null ? part : Integer.parseInt(cursor);
    for (; i < all.size() && page.size() < limit; i += parts) page.add(all.get(i));
    return new Page<>(page, i < all.size() ? Integer.toString(i) : null);
  }

  public synchronized int saves() {
    return saves;
  }

  public synchronized int size() {
    return customers.size();
  }
}
