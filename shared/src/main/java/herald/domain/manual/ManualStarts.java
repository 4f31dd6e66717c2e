package herald.domain.manual;

import java.time.Duration;
import java.time.Instant;

/** Port: the queue of manual starts, whose own delay is the grace period. */
public interface ManualStarts {
  /** Puts the start on the queue: it arrives when the grace period is over. */
  void afterGracePeriod(ManualStart start);

  /**
   * Makes the start arrive at {@code at}, at least a grace period away: a per-message delay while the queue can carry
   * it (up to {@link #MAX_DELAY}), otherwise a one-time schedule that puts it on the queue a grace period before.
   */
  void at(ManualStart start, Instant at);

  /** Puts the start back, to arrive after {@code delay} (at most {@link #MAX_DELAY}). */
  void retryIn(ManualStart start, Duration delay);

  /** The longest delay SQS gives a message. */
  Duration MAX_DELAY = Duration.ofMinutes(15);
}
