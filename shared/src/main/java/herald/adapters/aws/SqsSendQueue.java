package herald.adapters.aws;

import herald.adapters.json.SendJobJson;
import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendQueue;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Send jobs onto an SQS queue, in batches (see {@link SqsBatches}). */
public final class SqsSendQueue implements SendQueue {
  private final SqsBatches batches;

  public SqsSendQueue(SqsClient sqs, String queueUrl) {
    this.batches = new SqsBatches(sqs, queueUrl, "send jobs");
  }

  @Override
  public void send(List<SendJob> jobs) {
    batches.send(jobs.stream().map(SendJobJson::write).toList());
  }

  @Override
  public void later(SendJob job, Duration delay) {
    batches.send(List.of(SendJobJson.write(job)), (int) Math.min(900, Math.max(0, delay.toSeconds())));
  }
}
