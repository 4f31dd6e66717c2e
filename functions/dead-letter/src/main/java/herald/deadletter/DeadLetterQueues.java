package herald.deadletter;

import herald.domain.deadletters.DeadLetterQueue;
import herald.platform.Env;
import java.util.HashMap;
import java.util.Map;

/** Which dead-letter queue a record came from: its event source ARN, against the <QUEUE>_DLQ_ARN variables. */
final class DeadLetterQueues {
  private final Map<String, DeadLetterQueue> byArn = new HashMap<>();

  DeadLetterQueues(Env env) {
    for (DeadLetterQueue queue : DeadLetterQueue.values()) {
      env.optional(queue.name() + "_DLQ_ARN").ifPresent(arn -> byArn.put(arn, queue));
    }
  }

  /** The queue; a record from a queue the function was not given throws, so it stays where it is and is seen. */
  DeadLetterQueue of(String eventSourceArn) {
    DeadLetterQueue queue = byArn.get(eventSourceArn);
    if (queue == null) throw new IllegalStateException("not a dead-letter queue of this stack: " + eventSourceArn);
    return queue;
  }
}
