package herald.domain.intake;

import jakarta.inject.Inject;

import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.Customers;

import java.util.Optional;

/**
 * Erases a customer's personal data: first they leave every segment ({@link CustomerChanges#erased}), then the
 * profile is deleted. Calling it again after a failure finishes the erase.
 */
public final class EraseCustomer {
  private final Customers customers;
  private final CustomerChanges changes;

  @Inject
  public EraseCustomer(Customers customers, CustomerChanges changes) {
    this.customers = customers;
    this.changes = changes;
  }

  /** False when there is no customer with this id. */
  public boolean erase(String customerId) {
    Optional<Customer> customer = customers.get(customerId);
    if (customer.isEmpty()) return false;
    changes.erased(customer.get());
    customers.erase(customerId);
    return true;
  }
}
