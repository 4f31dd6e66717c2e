package herald.domain.deadletters;

import herald.domain.common.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Port: the record of what the dead-letter queues held, kept {@link #KEPT}, newest first. */
public interface DeadLetters {
  Duration KEPT = Duration.ofDays(30);

  /** Keeps it; the same dead letter (its id) recorded again keeps the first. False when it was there already. */
  boolean record(DeadLetter deadLetter);

  Optional<DeadLetter> get(String id);

  Page<DeadLetter> ofDistribution(String distributionId, String cursor, int limit);

  Page<DeadLetter> ofQueue(DeadLetterQueue queue, String cursor, int limit);

  /** Marks it redriven unless it was already: true for the one caller that marked it. */
  boolean markRedriven(String id, Instant at);

  /** Takes the mark back (putting it on its queue failed). */
  void unmarkRedriven(String id);
}
