package herald.domain.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Port: how many messages of a distribution are in each status, per channel. Every status change of a
 * message moves one count: {@code from} (null for a new message) loses one, {@code to} gains one; and the account's
 * count of the day for that channel and {@code to} gains one ({@link #daily}). The counts are fast, not exact: a
 * process dying between a message's write and its count leaves them off, until {@link ReconcileStats} recounts the
 * messages and writes what it found ({@link #recounted}).
 */
public interface StatusCounters {
  void moved(String distributionId, String channel, MessageStatus from, MessageStatus to);

  /** One message's status change, as {@link #moved(String, String, MessageStatus, MessageStatus)} takes it. */
  record Move(String distributionId, String channel, MessageStatus from, MessageStatus to) {}

  /**
   * Several messages' status changes at once, counted exactly as each one alone would be; an adapter may write them
   * in fewer calls (the sender moves a batch's counts once per distribution, channel and status).
   */
  default void moved(java.util.Collection<Move> moves) {
    moves.forEach(m -> moved(m.distributionId(), m.channel(), m.from(), m.to()));
  }

  /** Per channel, the count of messages in each status (statuses never reached are absent). */
  Map<String, Map<MessageStatus, Long>> of(String distributionId);

  /** A message was opened or clicked for the first time. */
  void engaged(String distributionId, String channel, Engagement what);

  /** Per channel, how many messages were opened and clicked (absent: none). */
  Map<String, Map<Engagement, Long>> engagement(String distributionId);

  /** Replaces the distribution's counts with a recount of its messages, and keeps the recount's other figures. */
  void recounted(String distributionId, Recount recount);

  /** The last recount's time and figures, without its per-channel counts (those are {@link #of}'s). */
  Optional<Recount> lastRecount(String distributionId);

  /** When a count of the distribution last moved (a status change, an open, a click); empty when never. */
  Optional<Instant> lastMoved(String distributionId);

  /** Per hour (its first instant), messages created in that hour in each status, from the last recount. */
  Map<Instant, Map<MessageStatus, Long>> hours(String distributionId, Instant from, Instant to);

  /**
   * The whole account, per day (UTC) from {@code from} to {@code to} inclusive, per channel: how many messages moved
   * to each status that day (a message SENT then DELIVERED counts once in each).
   */
  Map<LocalDate, Map<String, Map<MessageStatus, Long>>> daily(LocalDate from, LocalDate to);
}
