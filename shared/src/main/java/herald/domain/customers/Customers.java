package herald.domain.customers;

import java.util.Optional;

/** Port: the customers Herald knows. */
public interface Customers {
  Optional<Customer> get(String id);

  void save(Customer customer);
}
