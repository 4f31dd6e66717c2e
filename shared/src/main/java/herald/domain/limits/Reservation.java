package herald.domain.limits;

import java.util.Map;
import java.util.Set;

/**
 * One message's unit of the account's usage, keyed by the message id: the counter keys it counts in (the periods
 * of its first reservation, kept for its retries), the counters its plan limits and that hold its unit, and
 * whether it was granted (not granted: a limit was reached, and nothing is held).
 */
public record Reservation(String messageId, Map<Counter, String> keys, Set<Counter> reserved, boolean granted) {
  public Reservation {
    keys = Map.copyOf(keys);
    reserved = Set.copyOf(reserved);
  }
}
