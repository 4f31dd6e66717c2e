package herald.domain.limits;

import java.util.Map;

/**
 * Port: the account's usage counters (per UTC day, per UTC month, in total) and each message's reservation,
 * exact under concurrency: a unit is reserved with a conditional update that refuses it past the limit, and at
 * most once per message id, however often the message's job is retried.
 */
public interface UsageCounters {
  /**
   * Reserves the message's unit on each limited counter, at {@code keys} (or at the keys of its earlier
   * reservation, when its job was retried). Not granted when a counter was at its limit: the units taken
   * meanwhile are given back.
   */
  Reservation reserve(String messageId, Map<Counter, String> keys, Map<Counter, Long> limits);

  /** The message was sent: counts it on the counters its reservation did not hold. */
  void sent(Reservation reservation);

  /** The message ends without being sent: the units its reservation holds go back (nothing when none). */
  void giveBack(String messageId);

  /** The count of each counter at these keys (0 when never counted). */
  Map<Counter, Long> counts(Map<Counter, String> keys);
}
