package herald.domain.fakes;

import herald.domain.customers.CustomerChanges;
import java.util.ArrayList;
import java.util.List;

/** Records the customer ids announced, in order, and how many were announced at once each time. */
public final class RecordingCustomerChanges implements CustomerChanges {
  private final List<String> announced = new ArrayList<>();
  private final List<Integer> calls = new ArrayList<>();
  private RuntimeException failure;

  @Override
  public synchronized void announce(List<String> customerIds) {
    if (failure != null) {
      RuntimeException thrown = failure;
      failure = null;
      throw thrown;
    }
    announced.addAll(customerIds);
    calls.add(customerIds.size());
  }

  /** The next announcement throws {@code failure} (the queue is down), and announces nothing. */
  public synchronized void failNext(RuntimeException failure) {
    this.failure = failure;
  }

  public synchronized List<String> announced() {
    return List.copyOf(announced);
  }

  /** How many ids each call announced. */
  public synchronized List<Integer> calls() {
    return List.copyOf(calls);
  }
}
