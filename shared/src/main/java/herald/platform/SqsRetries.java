package herald.platform;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Exponential backoff for records that failed in a way a retry may mend: the record stays on its queue,
 * invisible for base × 2^(tries − 1) (capped at 12 hours, SQS's limit), so tries spread out instead of
 * coming back every visibility timeout. With a base of 30 s and 12 receives that is about 17 hours.
 */
public final class SqsRetries {
  static final Duration MAX = Duration.ofHours(12);
  private final SqsClient sqs;
  private final String queueUrl;
  private final Duration base;

  public SqsRetries(SqsClient sqs, String queueUrl, Duration base) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.base = base;
  }

  /** The wait before the next try, after {@code receiveCount} receives. */
  public Duration delayAfter(int receiveCount) {
    int doublings = Math.min(Math.max(receiveCount, 1) - 1, 30);
    Duration delay = base.multipliedBy(1L << doublings);
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }

  /** Hides the record until its next try; a failure here only means it comes back sooner. */
  public void later(SQSEvent.SQSMessage record) {
    later(record, Optional.empty());
  }

  /**
   * As {@link #later(SQSEvent.SQSMessage)}, or for as long as the provider asked ({@code Retry-After}), between one
   * second and 12 hours. Either way the try counts toward the queue's receives, so a provider that never stops
   * asking to wait sends the job to its dead-letter queue in the end.
   */
  public void later(SQSEvent.SQSMessage record, Optional<Duration> asked) {
    String count = record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
    int receives = count == null ? 1 : Integer.parseInt(count);
    int seconds = (int) asked.map(SqsRetries::bounded).orElseGet(() -> delayAfter(receives)).toSeconds();
    try {
      sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(record.getReceiptHandle())
          .visibilityTimeout(seconds));
    } catch (RuntimeException e) {
      Log.error("backoff_not_set", e, "sqs_message_id", record.getMessageId());
    }
  }

  static Duration bounded(Duration asked) {
    if (asked.compareTo(Duration.ofSeconds(1)) < 0) return Duration.ofSeconds(1);
    return asked.compareTo(MAX) > 0 ? MAX : asked;
  }
}
