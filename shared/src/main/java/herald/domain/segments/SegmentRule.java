package herald.domain.segments;

import herald.domain.customers.Customer;
import java.time.Instant;

/** What an auto-update segment's rules say about one customer, at one moment (for "N days ago"). */
public interface SegmentRule {
  boolean matches(Customer customer, Instant now);
}
