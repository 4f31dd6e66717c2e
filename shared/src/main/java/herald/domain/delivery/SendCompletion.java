package herald.domain.delivery;

/**
 * Port: told when a manual send may have finished (one of its messages ended, or a part of its audience was read
 * to its end), so it can become DONE; {@link CompleteManualSend} decides.
 */
public interface SendCompletion {
  SendCompletion NONE = distributionId -> {};

  void check(String distributionId);
}
