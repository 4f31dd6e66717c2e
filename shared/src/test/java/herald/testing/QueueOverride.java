package herald.testing;

import java.util.Map;

/**
 * The only places where a test's queues behave otherwise than template.yaml says, each with its reason. A test
 * asks for one by name: {@code StandIns.get().freshEnv(QueueOverride.QUICK_SEND_REDELIVERY)}; without one, every
 * queue is exactly the template's (visibility, delay, redrive after the template's number of receives).
 */
public enum QueueOverride {
  /**
   * The fault test crashes sender invocations on purpose and waits for every message to end within minutes: a
   * message whose invocation died must come back after seconds, not after the template's 360 s (send queue) or
   * 180 s (send DLQ, drained by the dead-letter logic). The redrive (12 receives) stays the template's.
   */
  QUICK_SEND_REDELIVERY(Map.of(
      "SendQueue", Map.of("VisibilityTimeout", 6),
      "SendDLQ", Map.of("VisibilityTimeout", 2)));

  /** Queue logical id to the properties that replace the template's. */
  private final Map<String, Map<String, Object>> properties;

  QueueOverride(Map<String, Map<String, Object>> properties) {
    this.properties = properties;
  }

  Map<String, Map<String, Object>> properties() {
    return properties;
  }
}
