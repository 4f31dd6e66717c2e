package herald.domain.segments;

import herald.domain.customers.Customer;
import java.time.Instant;

/** What an auto-update segment's rules say about one customer, at one moment (for "N days ago"). */
public interface SegmentRule {
  boolean matches(Customer customer, Instant now);

  /**
   * Whether the answer can change with the moment of evaluation alone ({@code {"days_ago": N}}), the profile
   * unchanged: such a segment must be re-evaluated from time to time, not only when a profile changes.
   */
  default boolean dependsOnNow() {
    return false;
  }
}
