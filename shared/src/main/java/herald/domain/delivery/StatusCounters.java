package herald.domain.delivery;

import java.util.Map;

/**
 * Port: how many messages of a distribution are in each status, per channel. Every status change of a
 * message moves one count: {@code from} (null for a new message) loses one, {@code to} gains one.
 */
public interface StatusCounters {
  void moved(String distributionId, String channel, MessageStatus from, MessageStatus to);

  /** Per channel, the count of messages in each status (statuses never reached are absent). */
  Map<String, Map<MessageStatus, Long>> of(String distributionId);
}
