package herald.domain.delivery;

import java.util.Optional;

/** Port: every message and its status. */
public interface Messages {
  /**
   * Claims a message for sending with a conditional write: true when it did not exist or was
   * released; false when another delivery of the same job claimed or finished it.
   */
  boolean claim(Message message);

  /** Gives a claimed message back (the send failed before the provider took it), so a redelivery can claim it. */
  void release(String id);

  /** Records the outcome of a claimed message. */
  void finish(String id, MessageStatus status, String reason, String providerId);

  /** Records FAILED unless the message already has a terminal status; false if it had. */
  boolean failUnlessFinished(Message message, String reason);

  Optional<Message> get(String id);

  Page<Message> forDistribution(String distributionId, String cursor, int limit);
}
