package herald.domain.customers;

import java.util.List;

/**
 * Port: where a writer announces the customers it saved or erased, so that the segments function brings their
 * segment membership in line (the queue of customer changes). An announcement may be lost (a process dying right
 * after its write): the change's mark on the customer ({@link ChangedCustomers}) still brings it to the segments.
 */
public interface CustomerChanges {
  /** Announces these customers as changed, in as few calls as the queue allows. */
  void announce(List<String> customerIds);

  default void announce(String customerId) {
    announce(List.of(customerId));
  }

  CustomerChanges NONE = customerIds -> {};
}
