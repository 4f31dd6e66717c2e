package herald.domain.limits;

import java.util.Map;

/**
 * Port: the account's usage counters (per UTC day, per UTC month, in total) and each message's reservation,
 * exact under concurrency: a unit is reserved with a conditional update that refuses it past the limit, and at
 * most once per message id, however often the message's job is retried.
 */
public interface UsageCounters {
  /**
   * Reserves the message's unit on each limited counter, at {@code keys} (or at the keys and limits of its earlier
   * reservation, when its job was retried: a plan changed since does not change them). Not granted when a
   * counter's units reserved under a limit were at the limit (messages counted there while no limit applied, such
   * as a paid account's, take none): the units taken meanwhile are given back.
   */
  Reservation reserve(String messageId, Map<Counter, String> keys, Map<Counter, Long> limits);

  /** The message was sent: counts it on the counters its reservation did not hold. */
  void sent(Reservation reservation);

  /**
   * Several messages were sent: counts each as {@link #sent(Reservation)} does; an adapter may add them up in fewer
   * writes (the sender counts a batch's at its end).
   */
  default void sent(java.util.Collection<Reservation> reservations) {
    reservations.forEach(this::sent);
  }

  /** The message ends without being sent: the units its reservation holds go back (nothing when none). */
  void giveBack(String messageId);

  /** The count of each counter at these keys (0 when never counted). */
  Map<Counter, Count> counts(Map<Counter, String> keys);

  /** One counter's messages: all of them ({@code sent}), and those holding a unit reserved under a limit. */
  record Count(long sent, long limited) {
    public static final Count NONE = new Count(0, 0);
  }
}
