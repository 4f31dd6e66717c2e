package herald.domain.segments;

import herald.domain.customers.ChangedCustomers;
import herald.domain.customers.Customer;
import herald.domain.customers.StoredCustomer;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Brings a changed customer's segment membership in line with their latest stored profile, then clears the
 * change's mark on the version evaluated ({@link ChangedCustomers#settled}): a newer save keeps its own mark, so
 * its own announcement, or the sweep, evaluates it in turn. However late, twice or out of order an announcement
 * comes, it evaluates what is stored now, never what was announced.
 *
 * <p>An erased customer (their tombstone, which no save replaces) leaves every segment, static ones included;
 * then the tombstone is deleted, and their source id may make a new customer.
 */
public final class FollowCustomer {
  private final ChangedCustomers changed;
  private final EvaluateSegments evaluate;

  @Inject
  public FollowCustomer(ChangedCustomers changed, EvaluateSegments evaluate) {
    this.changed = changed;
    this.evaluate = evaluate;
  }

  /** What following a customer found: nothing stored, a profile evaluated, or a tombstone let go of. */
  public enum Followed { NOT_STORED, EVALUATED, ERASED }

  /** Follows the customer with this id as stored now. */
  public Followed follow(String customerId) {
    Optional<StoredCustomer> stored = changed.stored(customerId);
    if (stored.isEmpty()) return Followed.NOT_STORED;
    StoredCustomer item = stored.get();
    if (!item.erased()) return saved(item.profile());
    evaluate.erased(item.id(), item.sourceId());
    changed.forget(item.id(), item.version());
    return Followed.ERASED;
  }

  /**
   * Whether the segments must follow a change of the stored profile {@code before} into {@code after}: false when
   * no auto-update segment's rules tell the two apart ({@link EvaluateSegments#decidesDifferently}), so that the
   * change can be saved unmarked and not followed at all.
   */
  public boolean mustFollow(Customer before, Customer after) {
    return evaluate.decidesDifferently(before, after);
  }

  /** Follows a profile just saved or read (the latest its caller knows of), without reading it again. */
  public Followed saved(Customer customer) {
    changed.settled(customer.id(), evaluate.changed(customer));
    return Followed.EVALUATED;
  }
}
