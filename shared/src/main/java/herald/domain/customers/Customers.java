package herald.domain.customers;

import java.util.Optional;

/** Port: the customers Herald knows. */
public interface Customers {
  Optional<Customer> get(String id);

  void save(Customer customer);

  /** Erases the customer's profile (name, email, phone, metadata, consents); false when there was none. */
  boolean erase(String id);
}
