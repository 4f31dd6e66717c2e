package herald.domain.fakes;

import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import java.util.ArrayList;
import java.util.List;

/** Records each customer it is told of, as "changed <id> v<version>" or "erased <id>", in order. */
public final class RecordingCustomerChanges implements CustomerChanges {
  private final List<String> told = new ArrayList<>();
  private final List<Customer> changed = new ArrayList<>();

  @Override
  public synchronized void changed(Customer customer) {
    told.add("changed " + customer.id() + " v" + customer.version());
    changed.add(customer);
  }

  @Override
  public synchronized void erased(Customer customer) {
    told.add("erased " + customer.id());
  }

  public synchronized List<String> told() {
    return List.copyOf(told);
  }

  /** The customers passed to {@link #changed}, as they were passed. */
  public synchronized List<Customer> changed() {
    return List.copyOf(changed);
  }
}
