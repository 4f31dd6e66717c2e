package herald.platform;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
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
    String count = record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
    int receives = count == null ? 1 : Integer.parseInt(count);
    int seconds = (int) delayAfter(receives).toSeconds();
    try {
      sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(record.getReceiptHandle())
          .visibilityTimeout(seconds));
    } catch (RuntimeException e) {
      Log.error("backoff_not_set", e, "sqs_message_id", record.getMessageId());
    }
  }
}
