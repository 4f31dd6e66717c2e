package herald.adapters.aws;

import herald.domain.deadletters.DeadLetterQueue;
import herald.domain.deadletters.Redrives;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Dead letters' bodies back on their SQS work queue, as they were. */
public final class SqsRedrives implements Redrives {
  private final SqsClient sqs;
  private final Map<DeadLetterQueue, String> queueUrls;

  public SqsRedrives(SqsClient sqs, Map<DeadLetterQueue, String> queueUrls) {
    this.sqs = sqs;
    this.queueUrls = Map.copyOf(queueUrls);
  }

  @Override
  public void put(DeadLetterQueue queue, String body) {
    String url = queueUrls.get(queue);
    if (url == null) throw new IllegalStateException("no work queue to redrive " + queue.code() + " to");
    sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
  }
}
