package herald.domain.fakes;

import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Customers in a map; can be told to fail the next reads, like a store that is down. */
public final class InMemoryCustomers implements Customers {
  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private RuntimeException failure;
  private int failuresLeft;
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
  public synchronized void save(Customer customer) {
    customers.put(customer.id(), customer);
    saves++;
  }

  /** The next {@code times} reads throw {@code failure}. */
  public synchronized void failReads(RuntimeException failure, int times) {
    this.failure = failure;
    this.failuresLeft = times;
  }

  @Override
  public synchronized boolean erase(String id) {
    return customers.remove(id) != null;
  }

  public synchronized int saves() {
    return saves;
  }

  public synchronized int size() {
    return customers.size();
  }
}
