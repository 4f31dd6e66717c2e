package herald.adapters.aws;

import herald.adapters.json.FanoutJobJson;
import herald.domain.fanout.FanoutJob;
import herald.domain.fanout.FanoutQueue;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Fan-out jobs onto an SQS queue, in batches (see {@link SqsBatches}). */
public final class SqsFanoutQueue implements FanoutQueue {
  private final SqsBatches batches;

  public SqsFanoutQueue(SqsClient sqs, String queueUrl) {
    this.batches = new SqsBatches(sqs, queueUrl, "fan-out jobs");
  }

  @Override
  public void put(List<FanoutJob> jobs) {
    batches.send(jobs.stream().map(FanoutJobJson::write).toList());
  }
}
