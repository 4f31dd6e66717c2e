package herald.domain.fakes;

import herald.domain.customers.ChangedCustomers;
import herald.domain.customers.Customers;
import herald.domain.segments.EvaluateSegments;
import herald.domain.segments.FollowCustomer;
import herald.domain.segments.SettleMembership;
import java.time.Clock;

/** Segments following customers, for tests about something else: no segment at all, so nothing to evaluate. */
public final class Follows {
  private Follows() {}

  /** Follows the customers' changes (their marks are settled) with no segment to evaluate. */
  public static FollowCustomer withoutSegments(Customers customers, ChangedCustomers changed) {
    Clock clock = Clock.systemUTC();
    return new FollowCustomer(changed, new EvaluateSegments(new InMemorySegments(),
        new SettleMembership(new InMemoryMemberships(), new RecordingEventBus(), clock), customers, clock));
  }

  public static FollowCustomer withoutSegments(InMemoryCustomers customers) {
    return withoutSegments(customers, customers);
  }
}
