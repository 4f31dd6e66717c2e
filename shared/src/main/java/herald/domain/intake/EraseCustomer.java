package herald.domain.intake;

import herald.domain.customers.CustomerChanges;
import herald.domain.customers.Customers;
import jakarta.inject.Inject;

/**
 * Erases a customer's personal data at once ({@link Customers#erase}: a tombstone keeps only their id and source
 * id, marked as changed), then announces the change: the segments function takes them out of every segment and
 * forgets the tombstone. Should the announcement fail, the mark brings the tombstone to the segments function's
 * sweep.
 */
public final class EraseCustomer {
  private final Customers customers;
  private final CustomerChanges changes;

  @Inject
  public EraseCustomer(Customers customers, CustomerChanges changes) {
    this.customers = customers;
    this.changes = changes;
  }

  /** False when there is no customer with this id (never was, or erased already). */
  public boolean erase(String customerId) {
    if (!customers.erase(customerId)) return false;
    changes.announce(customerId);
    return true;
  }
}
