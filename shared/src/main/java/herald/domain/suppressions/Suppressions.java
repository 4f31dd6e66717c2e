package herald.domain.suppressions;

import herald.domain.common.Page;
import java.time.Instant;

/**
 * Port: the email addresses Herald must not send to again (a hard bounce or a complaint put them there).
 * Addresses are compared lowercased ({@link Suppression#normalize}).
 */
public interface Suppressions {
  boolean contains(String email);

  /**
   * Which of these addresses are on the list, lowercased ({@link Suppression#normalize}), read together: a batch
   * of messages asks once.
   */
  java.util.Set<String> suppressed(java.util.Collection<String> emails);

  /** Puts the address on the list; an address already there keeps its first reason and time. */
  void add(String email, String reason, Instant at);

  /** A page of the list, in no particular order; {@code cursor} is the {@code next} of the page before. */
  Page<Suppression> list(String cursor, int limit);

  /** Takes the address off the list; false when it was not on it. */
  boolean remove(String email);
}
