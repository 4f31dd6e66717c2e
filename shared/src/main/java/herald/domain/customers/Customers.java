package herald.domain.customers;

import herald.domain.common.Page;
import java.util.Optional;

/** Port: the customers Herald knows. */
public interface Customers {
  Optional<Customer> get(String id);

  /**
   * Saves the customer over the version it was read at ({@link Customer#version()}; 0 for a new one) and returns
   * it as saved, its version one up. Throws {@link herald.domain.common.Conflict} when the stored customer is no longer
   * that version (another writer came first, or a new one exists already): nothing is written then.
   */
  Customer save(Customer customer);

  /** Erases the customer's profile (name, email, phone, metadata, consents); false when there was none. */
  boolean erase(String id);

  /**
   * One page of part {@code part} of {@code parts} (0 &le; part &lt; parts) of all customers, in no order; the
   * parts can be read at the same time and together hold every customer once. {@code cursor} is null for the
   * first page, then the page's {@code next}, which is null after the last.
   */
  Page<Customer> scan(int part, int parts, String cursor, int limit);
}
