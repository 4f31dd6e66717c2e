package herald.deadletter;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.json.DeadLetterJson;
import herald.adapters.json.SendJobJson;
import herald.domain.common.Invalid;
import herald.domain.deadletters.DeadLetterQueue;
import herald.domain.deadletters.KeepDeadLetter;
import herald.domain.delivery.RecordDeadLetter;
import herald.domain.delivery.SendJob;
import herald.platform.Env;
import herald.platform.Log;
import herald.platform.MetricLine;
import herald.platform.Metrics;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record of any of the stack's dead-letter queues. A send job's message ends FAILED ({@link RecordDeadLetter});
 * anything else, and a send job that cannot be read, is kept as a dead letter ({@link KeepDeadLetter}). Each batch
 * prints the metric {@code DeadLetters} (Count) per queue (dimension {@code Queue}), which the alarms watch: the
 * function empties its queues within seconds, faster than their depth is sampled.
 */
final class DeadLetterIntake {
  private final DeadLetterQueues queues;
  private final RecordDeadLetter sends;
  private final KeepDeadLetter keep;
  private final Metrics metrics;

  @Inject
  DeadLetterIntake(Env env, RecordDeadLetter sends, KeepDeadLetter keep, Metrics metrics) {
    this.queues = new DeadLetterQueues(env);
    this.sends = sends;
    this.keep = keep;
    this.metrics = metrics;
  }

  /** A counter for one batch: add each record taken, then print. */
  final class Batch {
    private final Map<DeadLetterQueue, Integer> taken = new TreeMap<>();

    void take(SQSEvent.SQSMessage message) {
      DeadLetterQueue queue = queues.of(message.getEventSourceArn());
      SendJob job = queue == DeadLetterQueue.SEND ? sendJob(message.getBody()) : null;
      if (job != null) {
        sends.record(job);
      } else {
        var deadLetter = DeadLetterJson.read(queue, message.getMessageId(), message.getBody(),
            attributes(message), metrics.clock().instant());
        keep.keep(deadLetter);
        Log.info("dead_letter_kept", "dead_letter_id", deadLetter.id(), "queue", queue.code(),
            "distribution_id", String.valueOf(deadLetter.distributionId()), "reason", deadLetter.reason());
      }
      taken.merge(queue, 1, Integer::sum);
    }

    void print() {
      taken.forEach((queue, count) -> metrics.line().dimension("Queue", queue.code())
          .metric("DeadLetters", MetricLine.Unit.COUNT, count).print(metrics.clock().instant()));
    }
  }

  Batch batch() {
    return new Batch();
  }

  private static SendJob sendJob(String body) {
    try {
      return SendJobJson.read(body);
    } catch (Invalid | IllegalArgumentException e) {
      return null;
    }
  }

  private static Map<String, String> attributes(SQSEvent.SQSMessage message) {
    Map<String, String> attributes = new HashMap<>();
    if (message.getMessageAttributes() != null) {
      message.getMessageAttributes().forEach((name, value) -> {
        if (value != null && value.getStringValue() != null) attributes.put(name, value.getStringValue());
      });
    }
    return attributes;
  }
}
