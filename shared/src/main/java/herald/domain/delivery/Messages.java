package herald.domain.delivery;

import herald.domain.common.Page;
import java.util.Optional;

/** Port: every message and its status. */
public interface Messages {
  /**
   * Claims a message for sending with a conditional write: claimed when it did not exist or was
   * released (QUEUED); not claimed when another delivery of the same job claimed or finished it.
   */
  Claim claim(Message message);

  /**
   * Gives a claimed message back (the send failed in a way a retry may mend), keeping {@code error} as its
   * last error, so a redelivery can claim it.
   */
  void release(String id, String error);

  /**
   * Takes over a message whose earlier delivery stopped half-way (SENDING, its claim lapsed), renewing the
   * claim; false when another delivery took it or it finished meanwhile.
   */
  boolean resume(String id);

  /** Notes that the provider is about to be called for a claimed message: from now on its outcome may be unknown. */
  void calling(String id);

  /** Records the outcome of a claimed message. */
  void finish(String id, MessageStatus status, String reason, String providerId);

  /**
   * Records FAILED unless the message already has a terminal status, with its last error as the reason
   * when it has one, else {@code reason}. Claimed tells whether it changed, previous what it was.
   */
  Claim failUnlessFinished(Message message, String reason);

  /**
   * Moves a message forward on the provider's feedback, with a conditional write: to DELIVERED from SENT (or
   * from FAILED {@code outcome_unknown}: it was sent after all); to BOUNCED or COMPLAINED from SENT or DELIVERED;
   * to FAILED from SENT. {@code reason} replaces the message's reason (null removes it). False when the message
   * is missing or the move is not allowed from where it is (a late or repeated event).
   */
  boolean feedback(String id, MessageStatus to, String reason);

  /**
   * Notes the first time the recipient opened or clicked the message ({@link Engagement#field()}), with a conditional
   * write: true the first time, false when it was noted already or the message is missing. The status stays.
   */
  boolean engaged(String id, Engagement what, java.time.Instant at);

  /**
   * Puts a FAILED message back to QUEUED for a new attempt, with a conditional write: claimed only when it was FAILED
   * with another reason than {@code outcome_unknown} (its provider may have taken it); previous says what it was.
   * Of two retries at once, one is claimed.
   */
  Claim retry(String id);

  Optional<Message> get(String id);

  /** A distribution's messages that match {@code filter}, oldest first; a page may hold fewer than {@code limit}. */
  Page<Message> forDistribution(String distributionId, MessageFilter filter, String cursor, int limit);

  default Page<Message> forDistribution(String distributionId, String cursor, int limit) {
    return forDistribution(distributionId, MessageFilter.ALL, cursor, limit);
  }
}
